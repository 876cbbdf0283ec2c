"""Tests of the head-office service, run against SQLite and (with AMENDS_TEST_PG_URL) PostgreSQL."""
