"""CV Tailor generation: sources, ranking, the builtin writer, the grounding verifier, services."""
