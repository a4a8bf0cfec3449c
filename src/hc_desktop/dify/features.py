"""The app's attachment and voice switches from ``GET /parameters``, parsed leniently.

Dify's ``file_upload`` block has two shapes: the current one (``enabled``,
``allowed_file_types``, ``allowed_file_extensions``, ``allowed_file_upload_methods``,
``number_limits``) and the legacy image-only one (``image.enabled``, ``image.number_limits``,
``image.transfer_methods``), which chat apps still carry alongside. Size limits live in
``system_parameters`` in megabytes. Anything missing or malformed reads as "off".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

MEBIBYTE = 1024 * 1024

# Dify's own defaults (``UPLOAD_*_FILE_SIZE_LIMIT``), used when the server does not say.
DEFAULT_IMAGE_LIMIT_MB = 10
DEFAULT_VIDEO_LIMIT_MB = 100
DEFAULT_AUDIO_LIMIT_MB = 50
DEFAULT_FILE_LIMIT_MB = 15

LOCAL_FILE = "local_file"

# Dify's extension lists (``api/constants/__init__.py``) decide a file's kind.
IMAGE_EXTENSIONS = frozenset({"jpg", "jpeg", "png", "webp", "gif", "svg"})
VIDEO_EXTENSIONS = frozenset({"mp4", "mov", "mpeg", "webm"})
AUDIO_EXTENSIONS = frozenset({"mp3", "m4a", "wav", "amr", "mpga"})
DOCUMENT_EXTENSIONS = frozenset(
    {
        "txt",
        "markdown",
        "md",
        "mdx",
        "pdf",
        "html",
        "htm",
        "xlsx",
        "xls",
        "vtt",
        "properties",
        "doc",
        "docx",
        "csv",
        "eml",
        "msg",
        "pptx",
        "ppt",
        "xml",
        "epub",
    }
)
KIND_EXTENSIONS = {
    "image": IMAGE_EXTENSIONS,
    "document": DOCUMENT_EXTENSIONS,
    "audio": AUDIO_EXTENSIONS,
    "video": VIDEO_EXTENSIONS,
}


def file_kind(filename: str) -> str:
    """Dify's kind for a file name: image, document, audio, video, or custom."""
    extension = PurePath(filename).suffix.lower().lstrip(".")
    if extension in IMAGE_EXTENSIONS:
        return "image"
    if extension in DOCUMENT_EXTENSIONS:
        return "document"
    if extension in AUDIO_EXTENSIONS:
        return "audio"
    if extension in VIDEO_EXTENSIONS:
        return "video"
    return "custom"


@dataclass(frozen=True, slots=True)
class FileUploadSettings:
    """What the app accepts as attachments to a chat message.

    ``allowed_file_types`` holds Dify's kinds (``image``, ``document``, ``audio``,
    ``video``, ``custom``); ``allowed_file_extensions`` (lowercase, with the dot) applies to
    ``custom`` only, as in Dify. ``number_limits`` is the per-message count (0: unknown).
    """

    enabled: bool = False
    allowed_file_types: tuple[str, ...] = ()
    allowed_file_extensions: tuple[str, ...] = ()
    transfer_methods: tuple[str, ...] = ()
    number_limits: int = 0

    @property
    def accepts_local_files(self) -> bool:
        """Uploading from this computer is allowed (an empty list means "not restricted")."""
        return self.enabled and (not self.transfer_methods or LOCAL_FILE in self.transfer_methods)


@dataclass(frozen=True, slots=True)
class UploadSizeLimits:
    """Largest upload per kind of file, in bytes."""

    image: int = DEFAULT_IMAGE_LIMIT_MB * MEBIBYTE
    video: int = DEFAULT_VIDEO_LIMIT_MB * MEBIBYTE
    audio: int = DEFAULT_AUDIO_LIMIT_MB * MEBIBYTE
    other: int = DEFAULT_FILE_LIMIT_MB * MEBIBYTE

    def for_kind(self, kind: str) -> int:
        """The limit Dify applies to a file of this kind (documents and others share one)."""
        if kind == "image":
            return self.image
        if kind == "video":
            return self.video
        if kind == "audio":
            return self.audio
        return self.other


@dataclass(frozen=True, slots=True)
class TextToSpeechSettings:
    """The app's read-aloud switch, and the voice it is configured with."""

    enabled: bool = False
    voice: str = ""
    language: str = ""
    auto_play: bool = False


def _enabled(block: Any) -> bool:
    return isinstance(block, dict) and block.get("enabled") is True


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(item for item in value if isinstance(item, str) and item)


def _count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return 0
    return max(0, int(value))


def _extension(value: str) -> str:
    value = value.strip().lower()
    return value if value.startswith(".") else f".{value}"


def parse_file_upload(block: Any) -> FileUploadSettings:
    """The ``file_upload`` block in either of Dify's shapes."""
    if not isinstance(block, dict):
        return FileUploadSettings()
    if block.get("enabled") is True:
        return FileUploadSettings(
            enabled=True,
            allowed_file_types=_strings(block.get("allowed_file_types")),
            allowed_file_extensions=tuple(
                _extension(e) for e in _strings(block.get("allowed_file_extensions"))
            ),
            transfer_methods=_strings(block.get("allowed_file_upload_methods")),
            number_limits=_count(block.get("number_limits")),
        )
    image = block.get("image")
    if _enabled(image):
        assert isinstance(image, dict)
        return FileUploadSettings(
            enabled=True,
            allowed_file_types=("image",),
            transfer_methods=_strings(image.get("transfer_methods")),
            number_limits=_count(image.get("number_limits")),
        )
    return FileUploadSettings()


def parse_size_limits(block: Any) -> UploadSizeLimits:
    """``system_parameters`` sizes (megabytes) as bytes; missing values keep Dify's defaults."""
    if not isinstance(block, dict):
        return UploadSizeLimits()

    def limit(name: str, default_mb: int) -> int:
        megabytes = _count(block.get(name)) or default_mb
        return megabytes * MEBIBYTE

    return UploadSizeLimits(
        image=limit("image_file_size_limit", DEFAULT_IMAGE_LIMIT_MB),
        video=limit("video_file_size_limit", DEFAULT_VIDEO_LIMIT_MB),
        audio=limit("audio_file_size_limit", DEFAULT_AUDIO_LIMIT_MB),
        other=limit("file_size_limit", DEFAULT_FILE_LIMIT_MB),
    )


def parse_text_to_speech(block: Any) -> TextToSpeechSettings:
    if not isinstance(block, dict):
        return TextToSpeechSettings()
    voice, language = block.get("voice"), block.get("language")
    return TextToSpeechSettings(
        enabled=block.get("enabled") is True,
        voice=voice if isinstance(voice, str) else "",
        language=language if isinstance(language, str) else "",
        auto_play=block.get("autoPlay") == "enabled",
    )


def parse_speech_to_text(block: Any) -> bool:
    return _enabled(block)
