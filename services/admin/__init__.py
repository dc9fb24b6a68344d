"""The consultation inbox in the Wagtail admin (a ViewSet registered in wagtail_hooks).

Which requests a user sees is decided by `services.staff`; every view here goes through
`access` so that no URL can reach a request outside the user's scope.
"""
