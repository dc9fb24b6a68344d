"""The public side of the recognition application (/apply/): accounts (accounts.py), the
landing page and the applicant's list (pages.py), the form and submission (form.py)."""
