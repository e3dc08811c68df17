"""Editorial accounts: users and roles, passwords, the login throttle."""
