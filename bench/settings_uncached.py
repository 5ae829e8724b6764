"""The platform's settings with the portal's page cache off, to measure the uncached path."""

from gongkai.settings import *  # noqa: F403

PORTAL_PAGE_SECONDS = 0
