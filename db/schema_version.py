"""The schema revisions this build knows, so start-up can skip Alembic when nothing is due.

Keep in step with db/migrations/versions; a test checks that HEAD_REVISION is Alembic's head.
"""

HEAD_REVISION = "0004_staff_events"
KNOWN_REVISIONS = frozenset({"0001_initial", "0002_review_by_day", "0003_quarantine",
                             "0004_staff_events"})
