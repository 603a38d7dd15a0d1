"""Builders of real hostile files for the upload-guard tests (nothing is checked in)."""
