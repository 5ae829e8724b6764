"""The platform's one settings module.

Every setting read from the environment is listed in docs/settings.md; a test
(gongkai/tests/test_docs.py) fails when one is missing there.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent


def envstr(name: str, default: str = "") -> str:
    """A string from the environment, or from the file NAME_FILE points at (secrets)."""
    path = os.environ.get(f"{name}_FILE")
    if path:
        return Path(path).read_text(encoding="utf-8").strip()
    return os.environ.get(name, default)


def envbool(name: str, default: bool) -> bool:
    value = envstr(name, "")
    if value == "":
        return default
    return value.lower() in ("1", "true", "yes", "on")


def envint(name: str, default: int) -> int:
    value = envstr(name, "")
    return int(value) if value else default


def development_secret_key(var_dir: Path) -> str:
    """This installation's own key for `make run` and tests, made once and kept 0600.

    There is no fixed development key: a key anyone can read in the source lets anyone
    sign session cookies and letter links (issue 9, finding 1).
    """
    path = var_dir / "secret_key"
    var_dir.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="utf-8").strip()
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(secrets.token_urlsafe(48) + "\n")
    return path.read_text(encoding="utf-8").strip()


# PRODUCTION turns on the strict start-up checks (gongkai/productionchecks.py: a missing
# or short SECRET_KEY or an empty ALLOWED_HOSTS refuses to start) and HTTPS-only defaults.
PRODUCTION = envbool("PRODUCTION", False)
DEBUG = envbool("DEBUG", False)
VAR_DIR = Path(envstr("VAR_DIR", str(BASE_DIR / "var")))
# In production a missing key stays empty, so that the start-up check refuses it.
SECRET_KEY = envstr("SECRET_KEY", "") or ("" if PRODUCTION else development_secret_key(VAR_DIR))
_DEFAULT_HOSTS = "" if PRODUCTION else "127.0.0.1,localhost,testserver"
ALLOWED_HOSTS = [h.strip() for h in envstr("ALLOWED_HOSTS", _DEFAULT_HOSTS).split(",") if h.strip()]
SITE_ROOT = envstr("SITE_ROOT", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django_htmx",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "gongkai.accounts",
    "django_rq",
    "django_prometheus",
    "gongkai.jobs",
    "gongkai.monitoring",
    "gongkai.backups",
    "gongkai.eventlog",
    "gongkai.agencies",
    "gongkai.workdays",
    "gongkai.publishing",
    "gongkai.applications",
    "gongkai.appeals",
    "gongkai.annualreports",
    "gongkai.reportcheck",
    "gongkai.supervision",
    "gongkai.mailbox",
    "gongkai.services",
    "gongkai.notifications",
    "gongkai.portal",
    "gongkai.api",
    "gongkai.personaldata",
    "gongkai.demo",
    "captcha",
]

MIDDLEWARE = [
    # First and last: django-prometheus times the whole stack (requests, latency).
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "gongkai.monitoring.requestid.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    # ?q=%00 and the like: a Chinese 400, never a database error (gongkai/nulbytes.py).
    "gongkai.nulbytes.RefuseNulMiddleware",
    # Static files from the app server itself: intranets have no CDN, and one process
    # serving them keeps `make run` to a single command.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After OTP (request.user.is_verified) and messages: session lifetimes, second factor, /admin/ gate.
    "gongkai.accounts.middleware.StaffSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Cache-Control: no-store on every staff page (personal data; gongkai/personaldata/pages.py).
    "gongkai.personaldata.pages.NoStoreMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
    # Last, as django-axes asks: it turns a lock-out into the Chinese lock-out page.
    "axes.middleware.AxesMiddleware",
]

# Form widgets render through TEMPLATES, so gongkai/templates/django/forms/ can say 请选择
# where Django prints "---------".
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

ROOT_URLCONF = "gongkai.urls"
WSGI_APPLICATION = "gongkai.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "gongkai" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "gongkai.agencies.context.staff_context",
                "gongkai.agencies.context.site_context",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        envstr("DATABASE_URL", f"sqlite:///{VAR_DIR / 'gongkai.sqlite3'}"),
        conn_max_age=envint("DB_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the portal read while staff write; the timeout rides out short write locks.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = envstr("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Reverse proxies whose X-Forwarded-For is believed (gongkai/clientaddr.py).
TRUSTED_PROXIES = [p for p in envstr("TRUSTED_PROXIES", "").split(",") if p.strip()]
RQ_QUEUES = {"default": {"URL": REDIS_URL or "redis://127.0.0.1:6379/0", "DEFAULT_TIMEOUT": 600}}
# Enqueue at once: callers already enqueue from transaction.on_commit (gongkai/jobs).
RQ = {"COMMIT_MODE": "auto"}
# Called (dotted paths, with `acting_user=`) after every committed calendar edit: whatever
# keeps dates that follow the calendar. The calendar itself knows nothing of them.
CALENDAR_CHANGED_HANDLERS = ["gongkai.applications.deadlines.calendar_changed"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "gongkai.accounts.passwords.ChineseMinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # django-axes first: a locked-out username and address is refused before the password is tried.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Log-in lock-out (django-axes): after LOGIN_FAILURE_LIMIT wrong passwords for one username
# from one client address, that pair is refused for LOGIN_LOCKOUT_MINUTES. The address is
# the real client behind trusted proxies only (gongkai/clientaddr.py).
AXES_FAILURE_LIMIT = envint("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("LOGIN_LOCKOUT_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "gongkai.clientaddr.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "gongkai.accounts.views.locked_out"
# Staff sessions (等保 2.0: 登录连接超时自动退出): idle and absolute limits, in minutes.
STAFF_SESSION_IDLE_MINUTES = envint("STAFF_SESSION_IDLE_MINUTES", 30)
STAFF_SESSION_MAX_HOURS = envint("STAFF_SESSION_MAX_HOURS", 12)
# Django's own admin site is off unless a deployment turns it on deliberately.
ADMIN_ENABLED = envbool("ADMIN_ENABLED", False)
OTP_TOTP_ISSUER = envstr("OTP_TOTP_ISSUER", "政府信息公开平台")
LOGIN_URL = "/staff/login/"
LOGIN_REDIRECT_URL = "/staff/"
LOGOUT_REDIRECT_URL = "/"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
LOCALE_PATHS = [BASE_DIR / "gongkai" / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(envstr("STATIC_ROOT", str(VAR_DIR / "static")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploaded files: the local MEDIA_ROOT by default; `s3` puts them in any S3-compatible store
# (MinIO, Ceph, a cloud's OSS) shared by several app servers, private, through django-storages.
MEDIA_STORAGE = envstr("MEDIA_STORAGE", "local")
if MEDIA_STORAGE == "s3":
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": envstr("S3_BUCKET", "gongkai-media"),
            "endpoint_url": envstr("S3_ENDPOINT_URL", "") or None,
            "region_name": envstr("S3_REGION", "") or None,
            "access_key": envstr("S3_ACCESS_KEY_ID", ""),
            "secret_key": envstr("S3_SECRET_ACCESS_KEY", ""),
            "addressing_style": envstr("S3_ADDRESSING_STYLE", "path"),
            "default_acl": "private",
            "querystring_auth": True,  # links are signed and expire: nothing in the bucket is public
            "querystring_expire": envint("S3_URL_EXPIRE_SECONDS", 300),
            "file_overwrite": False,
        },
    }
WHITENOISE_MAX_AGE = 3600
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(envstr("MEDIA_ROOT", str(VAR_DIR / "media")))
# Attachments larger than this are refused with a Chinese message (bytes).
ATTACHMENT_MAX_BYTES = envint("ATTACHMENT_MAX_BYTES", 20 * 1024 * 1024)
# Uploads are readable by the app's own user only (gongkai/uploads.py).
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Periods the rules leave to the agency or mark "verify" (rules.md §2): kept as settings.
APPLICATION_CORRECTION_ANSWER_WORKDAYS = envint("APPLICATION_CORRECTION_ANSWER_WORKDAYS", 15)
APPLICATION_FEE_PAYMENT_WORKDAYS = envint("APPLICATION_FEE_PAYMENT_WORKDAYS", 20)
# 条例第三十二条: a consulted party's 15 working days run from their receipt; a posted
# letter whose receipt is not entered is assumed received this many days after sending (verify).
APPLICATION_CONSULTATION_RECEIPT_DAYS = envint("APPLICATION_CONSULTATION_RECEIPT_DAYS", 3)
# 条例第三十一条第（三）项 sets no period for confirming an online application (verify):
# unconfirmed after this many working days, it is deemed received on the last of them.
APPLICATION_RECEIPT_CONFIRMATION_WORKDAYS = envint("APPLICATION_RECEIPT_CONFIRMATION_WORKDAYS", 1)
# 条例第四十九条 (departments: 31 January) and 第五十条 (county and higher governments: 31
# March) do not name townships and subdistricts (verify): their due date, as MM-DD.
ANNUAL_REPORT_DUE_TOWNSHIP = envstr("ANNUAL_REPORT_DUE_TOWNSHIP", "01-31")

# The console backend of the demo prints addresses masked (no personal data in logs).
EMAIL_BACKEND = envstr("EMAIL_BACKEND", "gongkai.personaldata.mail.MaskedConsoleBackend")
EMAIL_HOST = envstr("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25)
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "gongkai@localhost")
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 10)
# A class with send(phone, text) (gongkai/notifications/sms.py); empty: no SMS notices.
SMS_BACKEND = envstr("SMS_BACKEND", "")

# Applicant-facing documents (gongkai/applications/delivered.py, redaction.py).
DELIVERED_DOCUMENTS_DAYS = envint("DELIVERED_DOCUMENTS_DAYS", 60)
REDACTION_MAX_PAGES = envint("REDACTION_MAX_PAGES", 300)
# Look-ups the public tracking page allows per client address per 10 minutes (shared cache).
TRACK_ATTEMPTS_PER_10_MINUTES = envint("TRACK_ATTEMPTS_PER_10_MINUTES", 20)

# --- abuse of the public forms (gongkai/throttling.py) ---------------------------------
# Per client address (gongkai.clientaddr), counted in the shared cache: "N/period", where
# period is s, m, h or d. A person filing in the normal way never meets them.
RATE_APPLY = envstr("RATE_APPLY", "10/h")
RATE_MAILBOX_WRITE = envstr("RATE_MAILBOX_WRITE", "10/h")
RATE_MAILBOX_TRACK = envstr("RATE_MAILBOX_TRACK", "20/10m")
RATE_LOGIN = envstr("RATE_LOGIN", "30/10m")
# Applications per ID number and per phone number per day (Asia/Shanghai day).
APPLICATIONS_PER_ID_PER_DAY = envint("APPLICATIONS_PER_ID_PER_DAY", 10)
APPLICATIONS_PER_PHONE_PER_DAY = envint("APPLICATIONS_PER_PHONE_PER_DAY", 10)
# Bytes uploaded through the public forms per client address per day.
UPLOAD_BYTES_PER_ADDRESS_PER_DAY = envint("UPLOAD_BYTES_PER_ADDRESS_PER_DAY", 100 * 1024 * 1024)
# Failed staff log-ins from one address before the log-in form asks for the captcha too.
LOGIN_CAPTCHA_AFTER_FAILURES = envint("LOGIN_CAPTCHA_AFTER_FAILURES", 3)
CAPTCHA_IMAGE_SIZE = (120, 40)
CAPTCHA_LENGTH = 4
CAPTCHA_TIMEOUT = 10  # minutes
CAPTCHA_TEST_MODE = False

# --- personal data (个人信息保护法; gongkai/personaldata/) ---------------------------
# Fernet keys, newest first, for proof-of-identity scans at rest.
PERSONAL_DATA_KEYS = [k for k in envstr("PERSONAL_DATA_KEYS", "").split(",") if k.strip()]
# Years personal data is kept after a case closes, per record kind (docs/security.md
# gives the rule each rests on; the county confirms them).
RETENTION_YEARS_APPLICATIONS = envint("RETENTION_YEARS_APPLICATIONS", 10)
RETENTION_YEARS_APPEALS = envint("RETENTION_YEARS_APPEALS", 10)
RETENTION_YEARS_MAILBOX = envint("RETENTION_YEARS_MAILBOX", 3)
RETENTION_YEARS_PROOF_SCANS = envint("RETENTION_YEARS_PROOF_SCANS", 1)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", PRODUCTION)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_FAILURE_VIEW = "gongkai.errorpages.csrf_failure"
X_FRAME_OPTIONS = "DENY"
# HTTPS only in production: the reverse proxy terminates TLS and says so in X-Forwarded-Proto.
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", PRODUCTION)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", PRODUCTION)
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# HSTS preloading is a commitment for the whole domain that the county makes in the
# browsers' list, not a default of this platform: its deploy warning is silenced.
SILENCED_SYSTEM_CHECKS = ["security.W021"]

# Content-Security-Policy, in development too: every script and style is a static file
# of the platform or carries the request's nonce; nothing is loaded from elsewhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Load balancers and Prometheus ask the app servers directly, over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]
# Addresses that may read /metrics (the connecting address: nginx on this host restricts further).
METRICS_ALLOWED = [n for n in envstr("METRICS_ALLOWED", "127.0.0.1,::1").split(",") if n.strip()]
# /readyz turns red when more jobs than this wait in a queue (workers down or too few).
READY_MAX_QUEUE_DEPTH = envint("READY_MAX_QUEUE_DEPTH", 1000)

# `text` for a terminal; `json` (one object a line, with the request id) for journald
# and log collectors in production.
LOG_FORMAT = envstr("LOG_FORMAT", "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "gongkai.monitoring.requestid.RequestIdFilter"}},
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s",
            "json_ensure_ascii": False,
            "datefmt": "%Y-%m-%dT%H:%M:%S%z",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": envstr("LOG_LEVEL", "WARNING")},
}
