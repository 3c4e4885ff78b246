"""Gunicorn settings for intake: `gunicorn wsgi:app` reads this file from the project folder.

Sync workers (this app is CPU-bound and short per request), a worker count from the CPU count,
timeouts that free a stuck worker, and an access log without query strings and with the client
address truncated (search terms and addresses are not for logs).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
max_requests = 2000
max_requests_jitter = 200
limit_request_line = 4094
limit_request_fields = 100

# %(U)s is the path without the query string; %({x-request-id}o)s ties the line to app logs.
# The client address is left to the app's own access log, which truncates it (intake.logs).
accesslog = "-"
access_log_format = '%(m)s %(U)s %(s)s %(B)s %(M)sms rid=%({x-request-id}o)s'
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
