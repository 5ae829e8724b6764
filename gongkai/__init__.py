"""Gongkai 公开: a government information-disclosure platform."""
