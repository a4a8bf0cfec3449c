"""In-memory behaviour of Supabase Auth (GoTrue) for the demo mode and the tests.

It follows the rules a desktop client depends on: the order of password checks, HS256
access tokens with GoTrue's claims, and legacy rotating refresh tokens with reuse detection
(the parent of the active token is forgiven, any older token revokes the session).
No HTTP here: :mod:`hc_desktop.demo.auth_server` puts it on a loopback socket.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
import hashlib
import hmac
import json
import secrets
import struct
import threading
import time
from typing import Any
import uuid

_REFRESH_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567"
_MIN_PASSWORD_LENGTH = 6
_CHALLENGE_LIFETIME = 300.0
_TOTP_STEP = 30


class GoTrueError(Exception):
    """A GoTrue error answer; the HTTP layer picks the body shape."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        grant_error: bool = False,
        reasons: tuple[str, ...] | None = None,
        oauth_error: str | None = None,
    ) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.message = message
        self.grant_error = grant_error
        self.reasons = reasons
        self.oauth_error = oauth_error


@dataclass
class DemoFactor:
    id: str
    secret: bytes = field(repr=False)
    friendly_name: str = "Authenticator"


@dataclass
class DemoUser:
    id: str
    email: str
    salt: bytes = field(repr=False)
    password_digest: bytes = field(repr=False)
    confirmed: bool
    banned: bool = False
    created_at: float = 0.0
    factors: dict[str, DemoFactor] = field(default_factory=dict)

    def password_matches(self, password: str) -> bool:
        return hmac.compare_digest(_digest(password, self.salt), self.password_digest)


@dataclass
class _RefreshRow:
    token: str
    session_id: str
    parent: str | None
    revoked: bool = False
    revoked_at: float = 0.0


@dataclass
class _SessionRow:
    id: str
    user_id: str
    aal: str
    active_token: str
    amr: str


class DemoAuthBackend:
    """Users, sessions and tokens of one demo project; every method is thread-safe."""

    def __init__(
        self,
        *,
        access_token_ttl: int = 3600,
        reuse_interval: float = 0.0,
        autoconfirm: bool = False,
        disable_signup: bool = False,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.access_token_ttl = access_token_ttl
        self.reuse_interval = reuse_interval
        self.autoconfirm = autoconfirm
        self.disable_signup = disable_signup
        self._clock = clock
        self._offset = 0.0
        self.jwt_secret = secrets.token_bytes(32)
        self._lock = threading.RLock()
        self._users: dict[str, DemoUser] = {}
        self._sessions: dict[str, _SessionRow] = {}
        self._refresh_rows: dict[str, _RefreshRow] = {}
        self._challenges: dict[str, tuple[str, float]] = {}
        self.sent_emails: list[tuple[str, str]] = []

    # -- clock and test hooks -------------------------------------------------------------

    def now(self) -> float:
        return self._clock() + self._offset

    def advance(self, seconds: float) -> None:
        """Move the server's clock forward (expiry, reuse interval, MFA codes)."""
        with self._lock:
            self._offset += seconds

    def expire_access_tokens(self) -> None:
        """Every access token issued so far is now past its ``exp``."""
        self.advance(self.access_token_ttl + 1)

    def add_user(
        self,
        email: str,
        password: str,
        *,
        confirmed: bool = True,
        banned: bool = False,
        user_id: str | None = None,
    ) -> str:
        """Create an account; ``user_id`` pins its uuid (a demo profile that persists)."""
        with self._lock:
            if self._user_by_email(email) is not None:
                raise ValueError("a demo user with this email exists")
            salt = secrets.token_bytes(16)
            user = DemoUser(
                id=str(uuid.UUID(user_id)) if user_id else str(uuid.uuid4()),
                email=email.lower(),
                salt=salt,
                password_digest=_digest(password, salt),
                confirmed=confirmed,
                banned=banned,
                created_at=self.now(),
            )
            self._users[user.id] = user
            return user.id

    def ban(self, email: str) -> None:
        with self._lock:
            self._user_by_email_or_fail(email).banned = True

    def revoke_session(self, email: str) -> None:
        """End every session of the user, as a password change elsewhere would."""
        with self._lock:
            user = self._user_by_email_or_fail(email)
            for session in [s for s in self._sessions.values() if s.user_id == user.id]:
                self._delete_session(session.id)

    def active_sessions(self, email: str) -> int:
        with self._lock:
            user = self._user_by_email_or_fail(email)
            return sum(1 for s in self._sessions.values() if s.user_id == user.id)

    def add_totp_factor(self, email: str) -> tuple[str, bytes]:
        """Give the user a verified TOTP factor; returns its id and secret."""
        with self._lock:
            user = self._user_by_email_or_fail(email)
            factor = DemoFactor(id=str(uuid.uuid4()), secret=secrets.token_bytes(20))
            user.factors[factor.id] = factor
            return factor.id, factor.secret

    def user_id(self, email: str) -> str:
        with self._lock:
            return self._user_by_email_or_fail(email).id

    # -- endpoints ------------------------------------------------------------------------

    def password_grant(self, body: dict[str, Any]) -> dict[str, Any]:
        email, password = body.get("email"), body.get("password")
        if not isinstance(email, str) or not isinstance(password, str):
            raise GoTrueError(400, "validation_failed", "Email and password are required.")
        with self._lock:
            user = self._user_by_email(email)
            if user is None:
                raise _invalid_credentials()
            if user.banned:
                raise GoTrueError(400, "user_banned", "User is banned", grant_error=True)
            if not user.password_matches(password):
                raise _invalid_credentials()
            if not user.confirmed:
                raise GoTrueError(
                    400, "email_not_confirmed", "Email not confirmed", grant_error=True
                )
            body_out = self._new_session(user, amr="password")
            body_out["weak_password"] = None
            return body_out

    def refresh_grant(self, body: dict[str, Any]) -> dict[str, Any]:
        token = body.get("refresh_token")
        if not isinstance(token, str) or not token:
            raise GoTrueError(
                400, "invalid_request", "refresh_token required", oauth_error="invalid_request"
            )
        with self._lock:
            row = self._refresh_rows.get(token)
            session = self._sessions.get(row.session_id) if row else None
            if row is None or session is None:
                raise GoTrueError(
                    400,
                    "refresh_token_not_found",
                    "Invalid Refresh Token: Refresh Token Not Found",
                    grant_error=True,
                )
            user = self._users[session.user_id]
            if user.banned:
                raise GoTrueError(400, "user_banned", "User is banned", grant_error=True)
            if row.revoked:
                active = self._refresh_rows[session.active_token]
                if active.parent == row.token:
                    return self._session_body(user, session)
                if self.now() >= row.revoked_at + self.reuse_interval:
                    self._delete_session(session.id)
                    raise GoTrueError(
                        400,
                        "refresh_token_already_used",
                        "Invalid Refresh Token: Already Used",
                        grant_error=True,
                    )
            self._rotate(session, row)
            return self._session_body(user, session)

    def signup(self, body: dict[str, Any]) -> dict[str, Any]:
        email, password = body.get("email"), body.get("password")
        if not isinstance(email, str) or not isinstance(password, str) or not password:
            raise GoTrueError(400, "validation_failed", "Signup requires a valid password")
        if self.disable_signup:
            raise GoTrueError(422, "signup_disabled", "Signups not allowed for this instance")
        if "@" not in email:
            raise GoTrueError(400, "email_address_invalid", "Email address is invalid")
        if len(password) < _MIN_PASSWORD_LENGTH:
            raise GoTrueError(
                422,
                "weak_password",
                f"Password should be at least {_MIN_PASSWORD_LENGTH} characters.",
                reasons=("length",),
            )
        with self._lock:
            existing = self._user_by_email(email)
            if existing is not None and existing.confirmed:
                if self.autoconfirm:
                    raise GoTrueError(422, "user_already_exists", "User already registered")
                return self._fabricated_user(email)
            if existing is not None:
                self.sent_emails.append(("signup", existing.email))
                return self._user_json(existing)
            user_id = self.add_user(email, password, confirmed=self.autoconfirm)
            user = self._users[user_id]
            if self.autoconfirm:
                return self._new_session(user, amr="password")
            self.sent_emails.append(("signup", user.email))
            return self._user_json(user)

    def recover(self, body: dict[str, Any]) -> dict[str, Any]:
        email = body.get("email")
        if not isinstance(email, str) or "@" not in email:
            raise GoTrueError(400, "validation_failed", "An email address is required")
        with self._lock:
            user = self._user_by_email(email)
            if user is not None:
                self.sent_emails.append(("recovery", user.email))
        return {}

    def get_user(self, authorization: str | None) -> dict[str, Any]:
        with self._lock:
            user, _session = self._authenticate(authorization)
            return self._user_json(user)

    def logout(self, authorization: str | None, scope: str) -> None:
        with self._lock:
            user, session = self._authenticate(authorization)
            if scope == "local":
                self._delete_session(session.id)
            elif scope in ("", "global", "others"):
                for other in [s for s in self._sessions.values() if s.user_id == user.id]:
                    if scope != "others" or other.id != session.id:
                        self._delete_session(other.id)
            else:
                raise GoTrueError(400, "validation_failed", "Unsupported logout scope")

    def settings(self) -> dict[str, Any]:
        return {
            "external": {"email": True, "phone": False, "anonymous_users": False},
            "disable_signup": self.disable_signup,
            "mailer_autoconfirm": self.autoconfirm,
            "phone_autoconfirm": False,
            "sms_provider": "",
            "saml_enabled": False,
        }

    def mfa_challenge(self, authorization: str | None, factor_id: str) -> dict[str, Any]:
        with self._lock:
            user, _session = self._authenticate(authorization)
            if factor_id not in user.factors:
                raise GoTrueError(404, "mfa_factor_not_found", "Factor not found")
            challenge_id = str(uuid.uuid4())
            expires_at = self.now() + _CHALLENGE_LIFETIME
            self._challenges[challenge_id] = (factor_id, expires_at)
            return {"id": challenge_id, "type": "totp", "expires_at": int(expires_at)}

    def mfa_verify(
        self, authorization: str | None, factor_id: str, body: dict[str, Any]
    ) -> dict[str, Any]:
        with self._lock:
            user, session = self._authenticate(authorization)
            factor = user.factors.get(factor_id)
            if factor is None:
                raise GoTrueError(404, "mfa_factor_not_found", "Factor not found")
            challenge = self._challenges.pop(str(body.get("challenge_id")), None)
            if challenge is None or challenge[0] != factor_id:
                raise GoTrueError(404, "mfa_challenge_not_found", "Challenge not found")
            if self.now() > challenge[1]:
                raise GoTrueError(422, "mfa_challenge_expired", "Challenge has expired")
            if not _totp_matches(factor.secret, str(body.get("code", "")), self.now()):
                raise GoTrueError(422, "mfa_verification_failed", "Invalid TOTP code entered")
            session.aal = "aal2"
            session.amr = "totp"
            self._rotate(session, self._refresh_rows[session.active_token])
            return self._session_body(user, session)

    # -- internals ------------------------------------------------------------------------

    def _authenticate(self, authorization: str | None) -> tuple[DemoUser, _SessionRow]:
        if not authorization or not authorization.lower().startswith("bearer "):
            raise GoTrueError(
                401, "no_authorization", "This endpoint requires a valid Bearer token"
            )
        claims = verify_jwt(authorization[7:].strip(), self.jwt_secret)
        exp = claims.get("exp") if claims else None
        if claims is None or not isinstance(exp, int) or exp <= self.now():
            raise GoTrueError(
                403, "bad_jwt", "invalid JWT: unable to parse or verify signature, token is expired"
            )
        user = self._users.get(str(claims.get("sub")))
        if user is None:
            raise GoTrueError(403, "user_not_found", "User from sub claim in JWT does not exist")
        session = self._sessions.get(str(claims.get("session_id")))
        if session is None:
            raise GoTrueError(
                403, "session_not_found", "Session from session_id claim in JWT does not exist"
            )
        if user.banned:
            raise GoTrueError(403, "user_banned", "User is banned")
        return user, session

    def _new_session(self, user: DemoUser, *, amr: str) -> dict[str, Any]:
        token = _refresh_token()
        session = _SessionRow(
            id=str(uuid.uuid4()), user_id=user.id, aal="aal1", active_token=token, amr=amr
        )
        self._sessions[session.id] = session
        self._refresh_rows[token] = _RefreshRow(token=token, session_id=session.id, parent=None)
        return self._session_body(user, session)

    def _rotate(self, session: _SessionRow, row: _RefreshRow) -> None:
        if not row.revoked:
            row.revoked = True
            row.revoked_at = self.now()
        token = _refresh_token()
        self._refresh_rows[token] = _RefreshRow(
            token=token, session_id=session.id, parent=row.token
        )
        session.active_token = token

    def _delete_session(self, session_id: str) -> None:
        self._sessions.pop(session_id, None)
        for token in [t for t, r in self._refresh_rows.items() if r.session_id == session_id]:
            del self._refresh_rows[token]

    def _session_body(self, user: DemoUser, session: _SessionRow) -> dict[str, Any]:
        issued = int(self.now())
        expires_at = issued + self.access_token_ttl
        claims = {
            "iss": "demo/auth/v1",
            "sub": user.id,
            "aud": "authenticated",
            "exp": expires_at,
            "iat": issued,
            "email": user.email,
            "phone": "",
            "app_metadata": {"provider": "email", "providers": ["email"]},
            "user_metadata": {},
            "role": "authenticated",
            "aal": session.aal,
            "amr": [{"method": session.amr, "timestamp": issued}],
            "session_id": session.id,
            "is_anonymous": False,
        }
        return {
            "access_token": sign_jwt(claims, self.jwt_secret),
            "token_type": "bearer",
            "expires_in": self.access_token_ttl,
            "expires_at": expires_at,
            "refresh_token": session.active_token,
            "user": self._user_json(user),
        }

    def _user_json(self, user: DemoUser) -> dict[str, Any]:
        created = _timestamp(user.created_at)
        body: dict[str, Any] = {
            "id": user.id,
            "aud": "authenticated",
            "role": "authenticated",
            "email": user.email,
            "phone": "",
            "app_metadata": {"provider": "email", "providers": ["email"]},
            "user_metadata": {},
            "identities": [
                {
                    "identity_id": str(uuid.uuid5(uuid.NAMESPACE_URL, user.id)),
                    "id": user.id,
                    "user_id": user.id,
                    "identity_data": {"email": user.email, "sub": user.id},
                    "provider": "email",
                    "email": user.email,
                    "created_at": created,
                    "updated_at": created,
                }
            ],
            "created_at": created,
            "updated_at": created,
            "is_anonymous": False,
        }
        if user.confirmed:
            body["email_confirmed_at"] = created
            body["confirmed_at"] = created
        else:
            body["confirmation_sent_at"] = _timestamp(self.now())
        if user.factors:
            body["factors"] = [
                {
                    "id": f.id,
                    "friendly_name": f.friendly_name,
                    "factor_type": "totp",
                    "status": "verified",
                    "created_at": created,
                    "updated_at": created,
                }
                for f in user.factors.values()
            ]
        return body

    def _fabricated_user(self, email: str) -> dict[str, Any]:
        """GoTrue's answer for a confirmed address: looks like success, reveals nothing."""
        now = _timestamp(self.now())
        return {
            "id": str(uuid.uuid4()),
            "aud": "authenticated",
            "role": "",
            "email": email.lower(),
            "phone": "",
            "confirmation_sent_at": now,
            "app_metadata": {"provider": "email", "providers": ["email"]},
            "user_metadata": {},
            "identities": [],
            "created_at": now,
            "updated_at": now,
            "is_anonymous": False,
        }

    def _user_by_email(self, email: str) -> DemoUser | None:
        wanted = email.strip().lower()
        return next((u for u in self._users.values() if u.email == wanted), None)

    def _user_by_email_or_fail(self, email: str) -> DemoUser:
        user = self._user_by_email(email)
        if user is None:
            raise KeyError("no such demo user")
        return user


def sign_jwt(claims: dict[str, Any], secret: bytes) -> str:
    """HS256 JWT, as GoTrue signs with a legacy shared secret."""
    header = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    payload = _b64(json.dumps(claims, separators=(",", ":")).encode())
    signing_input = f"{header}.{payload}".encode()
    signature = _b64(hmac.new(secret, signing_input, hashlib.sha256).digest())
    return f"{header}.{payload}.{signature}"


def verify_jwt(token: str, secret: bytes) -> dict[str, Any] | None:
    """The claims if the HS256 signature is valid; expiry is the caller's business."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    expected = _b64(hmac.new(secret, f"{parts[0]}.{parts[1]}".encode(), hashlib.sha256).digest())
    if not hmac.compare_digest(expected, parts[2]):
        return None
    try:
        claims = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
    except (ValueError, binascii.Error):
        return None
    return claims if isinstance(claims, dict) else None


def totp_code(secret: bytes, at: float) -> str:
    """RFC 6238 six-digit code for ``at`` (what an authenticator app shows)."""
    counter = struct.pack(">Q", int(at) // _TOTP_STEP)
    digest = hmac.new(secret, counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def _totp_matches(secret: bytes, code: str, now: float) -> bool:
    return any(
        hmac.compare_digest(totp_code(secret, now + step * _TOTP_STEP), code) for step in (-1, 0, 1)
    )


def _invalid_credentials() -> GoTrueError:
    return GoTrueError(400, "invalid_credentials", "Invalid login credentials", grant_error=True)


def _refresh_token() -> str:
    return "".join(secrets.choice(_REFRESH_ALPHABET) for _ in range(12))


def _digest(password: str, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 1000)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _timestamp(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, UTC).isoformat().replace("+00:00", "Z")
