"""One environment-driven settings module (style.md 9). See .env.example for production."""

import os
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent
ROOT_DIR = BASE_DIR.parent
VAR_DIR = Path(os.environ.get("BERDAYA_VAR_DIR", ROOT_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(int(default))).lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")
# Under pytest the settings are those of development (no HTTPS redirect); Django turns DEBUG off itself.
TESTING = "pytest" in sys.modules
DEVELOPMENT = DEBUG or TESTING
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEVELOPMENT:
        raise ImproperlyConfigured("SECRET_KEY harus diisi di produksi (lihat .env.example).")
    SECRET_KEY = "dev-only-insecure-key-never-used-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tasks",
    "django_tasks_db",
    "django_otp",  # two-factor login (accounts/two_factor.py)
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "berdaya.accounts",
    "berdaya.audit",
    "berdaya.regions",
    "berdaya.people",
    "berdaya.umkm",
    "berdaya.koperasi",
    "berdaya.programs",
    "berdaya.companies",
    "berdaya.workdays",
    "berdaya.hubind",
    "berdaya.benefits",
    "berdaya.kinerja",
    "berdaya.training",
    "berdaya.imports",
    "berdaya.dashboard",
    "berdaya.jobs",
    "ninja",  # the partner API's OpenAPI docs page and its static files (Swagger UI, no CDN)
    "berdaya.api",
    "berdaya.privacy",
    "berdaya.naker",
    "berdaya.blk",
    "berdaya.lembaga",
    "berdaya.portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "berdaya.lib.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "berdaya.lib.middleware.SessionRefreshMiddleware",
    "berdaya.lib.middleware.LanguageMiddleware",
    "berdaya.lib.middleware.RefuseNulBytesMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "berdaya.accounts.two_factor.TwoFactorMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "berdaya.jobs.middleware.JobLimitMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "berdaya.urls"
WSGI_APPLICATION = "berdaya.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "berdaya.accounts.context_processors.navigation",
            ],
            # Tag libraries of an app's subpackages (an app's own live in <app>/templatetags/).
            "libraries": {"koperasi_assessment": "berdaya.koperasi.assessment.templatetags"},
        },
    }
]

# Plain <select>s and <input>s are built in Python (same HTML as Django's templates): a filter bar's options
# were most of a list page's rendering time (berdaya.lib.forms.QuickSelectRenderer).
FORM_RENDERER = "berdaya.lib.forms.QuickSelectRenderer"

# --- Database: SQLite embedded by default, PostgreSQL through DATABASE_URL -------------------------
if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("BERDAYA_SQLITE_PATH", str(VAR_DIR / "berdaya.sqlite3")),
            "OPTIONS": {
                # Writers wait for each other instead of failing with "database is locked".
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache: the database by default (shared by every process); Redis when REDIS_URL is set ---------
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "berdaya_cache"}
    }

# --- Background work: a database queue + `berdaya db_worker` by default; Redis + RQ workers at scale -----
if TESTING:
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
elif os.environ.get("TASKS_BACKEND") == "rq":
    # pip install '.[redis]'; run `berdaya rqworker --job-class django_tasks_rq.Job default` on each worker.
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {"default": {"URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Accounts and sessions ----------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "dashboard:home"
LOGOUT_REDIRECT_URL = "accounts:login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "berdaya.accounts.passwords.LocalWordValidator"},  # "Banjarmasin1" and the like
]
if TESTING:
    # Personas log in hundreds of times; the production hasher's cost is pointless there.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", 8 * 3600))  # one working day
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Two-factor login (accounts/two_factor.py) for the administrator and the roles that see unmasked NIKs.
# Off under the test runner (tests turn it on where they test it); BERDAYA_TWO_FACTOR=0 for a local look.
BERDAYA_TWO_FACTOR = env_bool("BERDAYA_TWO_FACTOR", not TESTING)
OTP_TOTP_ISSUER = "Berdaya"
# The 8 hours count from the last request, not from login: lib.middleware.SessionRefreshMiddleware saves the
# session (and so moves its expiry) at most every SESSION_REFRESH_SECONDS, not on every request.
SESSION_REFRESH_SECONDS = int(os.environ.get("SESSION_REFRESH_SECONDS", 300))
# Login throttling (accounts/throttle.py): after this many failures within the window one account from one
# address waits, a wait that doubles with each further failure (never an account-wide or office-wide lock).
LOGIN_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", 5))
LOGIN_FAILURE_WINDOW = int(os.environ.get("LOGIN_FAILURE_WINDOW", 15 * 60))
# Behind a reverse proxy, the header that carries the client's address (e.g. HTTP_X_FORWARDED_FOR), so the
# throttle counts clients, not the proxy (`check --deploy` warns when it is missing behind a proxy).
BERDAYA_CLIENT_IP_HEADER = os.environ.get("BERDAYA_CLIENT_IP_HEADER", "")

# --- Mail (privacy/escalation.py and other notices to staff) ---------------------------------------------
# Django's mail backend: SMTP in production (EMAIL_HOST...), the console under ./dev up, memory in tests.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEVELOPMENT
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", 25))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "berdaya@localhost")
# The data-protection officer's addresses (comma-separated), told of overdue R47 requests with the admins.
BERDAYA_PRIVACY_OFFICER_EMAILS = [
    a.strip() for a in os.environ.get("BERDAYA_PRIVACY_OFFICER_EMAILS", "").split(",") if a.strip()
]
# The address staff open Berdaya at, for links in e-mails (e.g. https://berdaya.banjarmasinkota.go.id).
BERDAYA_SITE_URL = os.environ.get("BERDAYA_SITE_URL", "")

# --- Security headers ----------------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "berdaya.lib.errors.csrf_failure"  # an Indonesian page in the layout, not "403 Forbidden"
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the page's <meta>, not the cookie
if not DEVELOPMENT:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 31536000))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)  # only a header; listing needs a submission
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Only the app's own assets (no CDN); data: for small inline images such as QR codes.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'"
)

# --- Language: Indonesian first, English second -----------------------------------------------------
LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Makassar"  # WITA: Kalimantan Selatan
USE_I18N = True
USE_TZ = True
# One date format per language for every page and message (berdaya/formats/<lang>/formats.py).
FORMAT_MODULE_PATH = ["berdaya.formats"]

# --- Static and uploaded files --------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]  # berdaya/ itself is not an app, so name its static folder
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    # Uploads are never public URLs: their url() is the access-checked view of berdaya/lib/uploads.py.
    "default": {"BACKEND": "berdaya.lib.uploads.ProtectedStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEVELOPMENT
            else "berdaya.lib.staticfiles.ManifestStorage"  # whitenoise, each URL worked out once
        )
    },
}
# How that view hands a file over in production: "" (Django streams it), "x-accel-redirect" (nginx, with an
# internal location at BERDAYA_SENDFILE_PREFIX aliased to MEDIA_ROOT) or "x-sendfile" (Apache, Caddy).
BERDAYA_SENDFILE = os.environ.get("BERDAYA_SENDFILE", "")
BERDAYA_SENDFILE_PREFIX = os.environ.get("BERDAYA_SENDFILE_PREFIX", "/_berkas/")
WHITENOISE_USE_FINDERS = DEVELOPMENT
WHITENOISE_AUTOREFRESH = DEVELOPMENT
if DEVELOPMENT:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns on every request without it

# --- The office ------------------------------------------------------------------------------------
# The Kemendagri code of the office's jurisdiction (domain.md R13): what the office "owns".
BERDAYA_JURISDICTION = os.environ.get("BERDAYA_JURISDICTION", "63.71")
BERDAYA_OFFICE_NAME = os.environ.get(
    "BERDAYA_OFFICE_NAME", "Dinas Koperasi, Usaha Mikro dan Tenaga Kerja Kota Banjarmasin"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
