import gc
import os

from django.core.wsgi import get_wsgi_application

# A server started without DJANGO_SETTINGS_MODULE must never serve DEBUG with a known key:
# production settings refuse to start without DJANGO_SECRET_KEY instead.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_wsgi_application()

# Everything imported so far lives as long as the worker: freezing it keeps full garbage
# collections (measured at 150–200 ms pauses under the API's object churn) short.
gc.collect()
gc.freeze()
