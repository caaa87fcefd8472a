"""Seed profiles: deterministic graphs in the import format, loaded through the importer."""
