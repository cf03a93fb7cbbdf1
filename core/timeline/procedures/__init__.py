"""Procedures, tests and referrals done or ordered at a visit, and what makes a named one no
act of the visit."""
