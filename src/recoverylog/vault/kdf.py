"""Argon2id key derivation: parameters, the floor and the cap, checked before deriving."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from recoverylog.errors import DamagedData, InvalidInput

KIB_PER_MIB = 1024

#: RFC 9106's second recommended option is the floor: 64 MiB, 3 passes, 4 lanes.
FLOOR_MEMORY_KIB = 64 * KIB_PER_MIB
FLOOR_ITERATIONS = 3
#: A tampered header must not be able to ask for terabytes or hours.
CAP_MEMORY_KIB = 4 * 1024 * KIB_PER_MIB
CAP_ITERATIONS = 32
MIN_LANES = 4
MAX_LANES = 16

DEFAULT_MEMORY_MIB = 256
KEY_LENGTH = 32
SALT_LENGTH = 16


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost parameters as stored in the header."""

    memory_kib: int = DEFAULT_MEMORY_MIB * KIB_PER_MIB
    iterations: int = 3
    lanes: int = 4

    def to_dict(self) -> dict[str, Any]:
        return {
            "alg": "argon2id",
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "lanes": self.lanes,
        }

    @classmethod
    def from_dict(cls, data: Any) -> KdfParams:
        if not isinstance(data, dict) or data.get("alg") != "argon2id":
            raise DamagedData("the journal header names an unknown key derivation")
        values: list[int] = []
        for key in ("memory_kib", "iterations", "lanes"):
            value = data.get(key)
            if not isinstance(value, int) or isinstance(value, bool):
                raise DamagedData("the journal header's key derivation parameters are damaged")
            values.append(value)
        return cls(memory_kib=values[0], iterations=values[1], lanes=values[2])

    def aad(self) -> bytes:
        return f"argon2id:m={self.memory_kib}:t={self.iterations}:p={self.lanes}".encode()


def params_for_memory(mib: int) -> KdfParams:
    """Parameters for ``init --kdf-memory MIB``; refuses values outside the floor and cap."""
    kib = mib * KIB_PER_MIB
    if not FLOOR_MEMORY_KIB <= kib <= CAP_MEMORY_KIB:
        raise InvalidInput(
            "--kdf-memory",
            f"must be {FLOOR_MEMORY_KIB // KIB_PER_MIB}-{CAP_MEMORY_KIB // KIB_PER_MIB} MiB "
            f"(got {mib})",
        )
    return KdfParams(memory_kib=kib)


def check_params(params: KdfParams) -> None:
    """Refuse parameters below the floor or above the cap, before any work is done."""
    ok = (
        FLOOR_MEMORY_KIB <= params.memory_kib <= CAP_MEMORY_KIB
        and FLOOR_ITERATIONS <= params.iterations <= CAP_ITERATIONS
        and MIN_LANES <= params.lanes <= MAX_LANES
        and params.memory_kib >= 8 * params.lanes
    )
    if not ok:
        raise DamagedData(
            "the journal header asks for key derivation costs outside the allowed range "
            f"(memory {params.memory_kib} KiB, {params.iterations} passes, {params.lanes} lanes); "
            "the header may have been tampered with"
        )


def argon2id_raw(
    secret: bytes,
    salt: bytes,
    params: KdfParams,
    *,
    length: int = KEY_LENGTH,
    ad: bytes | None = None,
) -> bytes:
    """Argon2id with no policy checks (used by known-answer tests and by :func:`derive`)."""
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    kdf = Argon2id(
        salt=salt,
        length=length,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
        ad=ad,
    )
    return kdf.derive(secret)


def derive(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
    """Derive a 256-bit wrapping key; checks the floor and the cap first."""
    check_params(params)
    if len(salt) < SALT_LENGTH:
        raise DamagedData("the journal header's salt is damaged")
    return argon2id_raw(secret, salt, params)
