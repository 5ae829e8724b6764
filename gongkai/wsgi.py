import os
import sys

from django.core import checks
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
application = get_wsgi_application()

# gunicorn runs no system checks of its own: run them here, so that a production set-up
# with a missing key or no host names refuses to start (gongkai/productionchecks.py).
_errors = [m for m in checks.run_checks() if m.level >= checks.ERROR and not m.is_silenced()]
if _errors:
    sys.exit("\n".join(f"{m.id}: {m.msg}" for m in _errors))
