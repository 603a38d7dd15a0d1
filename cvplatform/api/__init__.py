"""Per-surface API plumbing: authentication, error bodies, pagination and throttles.

Five published API contracts are served by one set of services. What differs between them
lives here, one module per surface, so views and services stay surface-agnostic.
"""
