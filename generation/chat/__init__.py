"""The Resume Optimizer chat: its assistant, writes and reads (the models are in generation.models)."""
