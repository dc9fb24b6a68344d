"""The IP office's side of recognition applications in the Wagtail admin: the review queue,
one application's review page and its actions, the recognising offices, a dashboard panel."""
