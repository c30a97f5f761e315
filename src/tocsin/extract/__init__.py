"""Extraction stages: each reads the annotated document and the article and returns new model objects."""
