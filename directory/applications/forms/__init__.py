"""The public forms of the recognition application: accounts (accounts.py), one form or
formset per section of annex 1 (sections.py, services.py, team.py)."""
