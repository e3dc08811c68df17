"""Passwords: argon2id, a length policy, a check that cannot be fooled by an unknown user."""
import pytest

from guide.accounts.passwords import PasswordRejected, check_policy, hash_password, needs_rehash, verify


def test_hash_and_verify():
    hashed = hash_password("a long enough password")
    assert hashed.startswith("$argon2id$") and "a long enough" not in hashed
    assert verify(hashed, "a long enough password")
    assert not verify(hashed, "a long enough passworD")
    assert not needs_rehash(hashed)


@pytest.mark.parametrize("password", ["short", "eleven char", " " * 12, "x" * 1025])
def test_the_policy_refuses(password):
    with pytest.raises(PasswordRejected):
        check_policy(password)


def test_no_user_never_verifies():
    assert not verify(None, "this is not anybody's password")  # the decoy hash's own password
    assert not verify("not a hash", "anything at all")
    assert not verify(hash_password("a long enough password"), "x" * 2000)


def test_an_unknown_name_costs_a_hash_check_too(monkeypatch):
    """Refusing an unknown name at once would tell, by the time taken, that it does not exist."""
    from guide.accounts import passwords

    checked, real = [], passwords._hasher

    class Counting:
        def verify(self, password_hash, password):
            checked.append(password_hash)
            return real.verify(password_hash, password)

    monkeypatch.setattr(passwords, "_hasher", Counting())
    assert not verify(None, "any password at all")
    assert checked == [passwords._unknown_user_hash()]
