"""Views of the consultation inbox; every one checks the user's scope (see ..access)."""
