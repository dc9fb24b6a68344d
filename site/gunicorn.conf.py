"""gunicorn's settings for the site: `gunicorn -c site/gunicorn.conf.py config.wsgi`.

Environment: WEB_CONCURRENCY (workers; default 2 × cores + 1, at most 8), HOST (default
127.0.0.1, behind a reverse proxy) and PORT (default 8000). Deployment: docs/deploy.md.
"""

import os

# config/wsgi.py is imported once in the master and warms up there (jieba, the directory's
# facts and pinyin tables, the URLconf), before gc.freeze(); the workers are forked from it and
# share those pages copy-on-write instead of each building its own (≈1.3 s and ≈90 MB each).
preload_app = True


def _cores() -> int:
    # The cores this process may run on (a container's limit), not the machine's.
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


workers = int(os.environ.get("WEB_CONCURRENCY") or min(2 * _cores() + 1, 8))
bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"

# A worker is replaced after about this many requests (bounding slow growth of its memory);
# the jitter keeps the workers from restarting together. A new worker is forked from the
# preloaded master, so it starts warm, but without Redis it starts with an empty page cache
# (the entries live in each worker's memory): at 1,000 a busy worker was replaced every second
# or two and re-rendered its pages (benchmarks/README.md), hence the higher figure.
max_requests = 20000
max_requests_jitter = 2000
timeout = 30
graceful_timeout = 30

# Logs to stdout/stderr, for systemd's journal or the container's log.
accesslog = "-"
errorlog = "-"

# gunicorn ≥ 25 opens a control socket at one fixed path per user, which two instances on one
# machine (a staging and a production site) would share; nothing here uses it.
control_socket_disable = True
