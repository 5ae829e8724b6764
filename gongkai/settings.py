"""The platform's one settings module.

Every setting read from the environment is listed in docs/settings.md; a test
(gongkai/tests/test_docs.py) fails when one is missing there.
"""

import os
from pathlib import Path

import dj_database_url

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


DEBUG = envbool("DEBUG", False)
SECRET_KEY = envstr("SECRET_KEY", "insecure-development-key-change-me")
ALLOWED_HOSTS = [h for h in envstr("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h]
SITE_ROOT = envstr("SITE_ROOT", "http://127.0.0.1:8000")
VAR_DIR = Path(envstr("VAR_DIR", str(BASE_DIR / "var")))

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
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
    "gongkai.portal",
    "gongkai.api",
    "gongkai.personaldata",
    "gongkai.demo",
    "captcha",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
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
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Cache-Control: no-store on every staff page (personal data; gongkai/personaldata/pages.py).
    "gongkai.personaldata.pages.NoStoreMiddleware",
]

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

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]
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

# The console backend of the demo prints addresses masked (no personal data in logs).
EMAIL_BACKEND = envstr("EMAIL_BACKEND", "gongkai.personaldata.mail.MaskedConsoleBackend")
EMAIL_HOST = envstr("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25)
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "gongkai@localhost")

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
SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": envstr("LOG_LEVEL", "WARNING")},
}
