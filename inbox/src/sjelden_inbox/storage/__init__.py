"""Inbox storage: one set of queries over SQLite (the default) or PostgreSQL (production)."""

from .database import Database, DatabaseUnreachable, PoolTimeout, open_database
from .models import BatchRow, Installation, InstallationStatus, StaffKey
from .retention import PurgeReport, Retention
from .store import EnrollmentRefused, Store

__all__ = [
    "BatchRow",
    "Database",
    "DatabaseUnreachable",
    "EnrollmentRefused",
    "Installation",
    "InstallationStatus",
    "PoolTimeout",
    "PurgeReport",
    "Retention",
    "StaffKey",
    "Store",
    "open_database",
]
