"""The rules of self-appointment: the terms they use, eligibility, unit review."""
