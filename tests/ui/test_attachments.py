"""Attachments: the app's rules, uploads to the loopback Dify server, and the preview strip."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget
import pytest
from pytestqt.qtbot import QtBot

from hc_desktop.controller.attachments import (
    AttachmentsController,
    AttachmentState,
    AttachmentUploadFailed,
    format_size,
)
from hc_desktop.demo.dify_media import MediaSettings
from hc_desktop.demo.dify_server import DemoDifyServer
from hc_desktop.dify import DifyClient
from hc_desktop.ui.attachments_strip import AttachmentStrip, thumbnail
from hc_desktop.ui.composer import Composer
from tests.fixtures.qt import AsyncRunner

USER = "user-attach-1"


def write_png(path: Path, width: int = 400, height: int = 200) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(30, 120, 200))
    assert image.save(str(path), "PNG")
    return path


def write_bytes(path: Path, size: int) -> Path:
    path.write_bytes(b"%" * size)
    return path


@pytest.fixture
def client(dify_server: DemoDifyServer, aloop: AsyncRunner) -> Iterator[DifyClient]:
    client = DifyClient(dify_server.base_url, dify_server.api_key)
    yield client
    aloop.run(client.aclose())


def controller_for(
    dify_server: DemoDifyServer, client: DifyClient, aloop: AsyncRunner, settings: MediaSettings
) -> AttachmentsController:
    """A controller configured from the server's real ``GET /parameters``."""
    dify_server.media.settings = settings
    controller = AttachmentsController(dify=client)
    controller.apply_parameters(aloop.run(client.parameters()))
    return controller


def test_files_are_checked_against_the_apps_rules_before_any_upload(
    dify_server: DemoDifyServer, client: DifyClient, aloop: AsyncRunner, tmp_path: Path
) -> None:
    settings = MediaSettings.everything(number_limits=2, image_limit_mb=1)
    controller = controller_for(dify_server, client, aloop, settings)
    notices: list[str] = []
    controller.notice.connect(notices.append)
    assert controller.enabled
    assert {"png", "jpg", "pdf", "docx"} <= set(controller.allowed_extensions())

    photo = write_png(tmp_path / "rash.png")
    problems = controller.add_paths(
        [
            photo,
            write_bytes(tmp_path / "setup.exe", 10),
            write_bytes(tmp_path / "huge.png", 1024 * 1024 + 1),
            write_bytes(tmp_path / "empty.pdf", 0),
            photo,
            write_bytes(tmp_path / "labs.pdf", 100),
            write_bytes(tmp_path / "third.txt", 5),
        ]
    )
    assert [item.name for item in controller.items] == ["rash.png", "labs.pdf"]
    assert [item.kind for item in controller.items] == ["image", "document"]
    assert controller.items[0].mime_type == "image/png"
    assert problems[0] == "The assistant does not accept files like “setup.exe”."
    one_mb = format_size(1024 * 1024)
    assert problems[1] == (
        f"“huge.png” is {format_size(1024 * 1024 + 1)}; the assistant accepts up to {one_mb}."
    )
    assert problems[2] == "“empty.pdf” is empty."
    assert problems[3] == "“rash.png” is already attached."
    assert problems[4] == "You can attach at most 2 file(s) to one message."
    assert notices == [" ".join(problems)]
    assert dify_server.media.uploads == []  # nothing left the computer


def test_custom_types_follow_the_apps_extensions(
    dify_server: DemoDifyServer, client: DifyClient, aloop: AsyncRunner, tmp_path: Path
) -> None:
    settings = MediaSettings.everything(
        allowed_file_types=("custom",), allowed_file_extensions=(".CSV",)
    )
    controller = controller_for(dify_server, client, aloop, settings)
    assert controller.allowed_extensions() == ["csv"]
    controller.add_paths([write_bytes(tmp_path / "pressure.csv", 3)])
    assert controller.add_paths([write_png(tmp_path / "x.png")])
    assert [item.name for item in controller.items] == ["pressure.csv"]
    assert controller.items[0].kind == "custom"


def test_an_app_without_uploads_takes_nothing_and_turning_it_off_drops_attachments(
    dify_server: DemoDifyServer, client: DifyClient, aloop: AsyncRunner, tmp_path: Path
) -> None:
    controller = controller_for(dify_server, client, aloop, MediaSettings.everything())
    controller.add_paths([write_png(tmp_path / "a.png")])
    switches: list[bool] = []
    controller.enabled_changed.connect(switches.append)
    dify_server.media.settings = MediaSettings()
    controller.apply_parameters(aloop.run(client.parameters()))
    assert switches == [False]
    assert not controller.enabled
    assert controller.items == ()
    assert controller.add_paths([tmp_path / "a.png"]) == ["This assistant does not accept files."]


def test_upload_reports_progress_and_does_not_send_a_file_twice(
    dify_server: DemoDifyServer,
    client: DifyClient,
    aloop: AsyncRunner,
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    controller = controller_for(dify_server, client, aloop, MediaSettings.everything())
    strip = AttachmentStrip(controller)
    qtbot.addWidget(strip)
    controller.add_paths([write_png(tmp_path / "a.png"), write_bytes(tmp_path / "b.pdf", 300_000)])
    seen: list[tuple[int, int, bool]] = []

    def on_progress(local_id: int, sent: int, total: int) -> None:
        seen.append((sent, total, strip.chips[local_id].progress.isVisibleTo(strip)))

    controller.progress.connect(on_progress)
    files = aloop.run(controller.upload_all(USER))

    uploads = dify_server.media.uploads
    assert [u.name for u in uploads] == ["a.png", "b.pdf"]
    assert all(u.user == USER for u in uploads)
    assert files == [
        {"type": "image", "transfer_method": "local_file", "upload_file_id": uploads[0].id},
        {"type": "document", "transfer_method": "local_file", "upload_file_id": uploads[1].id},
    ]
    assert all(item.state is AttachmentState.UPLOADED for item in controller.items)
    assert seen[-1] == (300_000, 300_000, True)
    assert all(visible for *_, visible in seen)  # the bar shows while bytes go out
    chip = strip.chips[controller.items[1].local_id]
    assert not chip.progress.isVisibleTo(strip)
    assert "uploaded" in chip.status_label.text()

    assert aloop.run(controller.upload_all(USER)) == files
    assert len(dify_server.media.uploads) == 2


def test_a_failed_upload_keeps_the_files_and_says_why(
    dify_server: DemoDifyServer, client: DifyClient, aloop: AsyncRunner, tmp_path: Path
) -> None:
    controller = controller_for(dify_server, client, aloop, MediaSettings.everything())
    controller.add_paths([write_png(tmp_path / "a.png"), write_png(tmp_path / "b.png")])
    dify_server.media.fail_next(503, "s3_connection_failed", "S3 connection failed.")

    with pytest.raises(AttachmentUploadFailed) as caught:
        aloop.run(controller.upload_all(USER))
    first, second = controller.items
    assert first.state is AttachmentState.FAILED
    assert first.error == caught.value.user_message
    assert caught.value.user_message == (
        "The assistant could not store “a.png” right now. Try again."
    )
    assert second.state is AttachmentState.READY

    dify_server.media.settings = MediaSettings.everything(image_limit_mb=1)
    aloop.run(controller.upload_all(USER))
    assert [item.state for item in controller.items] == [AttachmentState.UPLOADED] * 2


def test_the_server_refusing_a_size_is_explained(
    dify_server: DemoDifyServer, client: DifyClient, aloop: AsyncRunner, tmp_path: Path
) -> None:
    controller = controller_for(dify_server, client, aloop, MediaSettings.everything())
    controller.add_paths([write_bytes(tmp_path / "scan.pdf", 2 * 1024 * 1024)])
    dify_server.media.settings = MediaSettings.everything(file_limit_mb=1)  # changed meanwhile
    with pytest.raises(AttachmentUploadFailed, match="larger than the assistant accepts"):
        aloop.run(controller.upload_all(USER))


def test_strip_previews_images_lists_files_and_removes_them(
    dify_server: DemoDifyServer,
    client: DifyClient,
    aloop: AsyncRunner,
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    controller = controller_for(dify_server, client, aloop, MediaSettings.everything())
    host = QWidget()
    qtbot.addWidget(host)
    strip = AttachmentStrip(controller, host)
    host.show()
    assert not strip.isVisible()

    controller.add_paths([write_png(tmp_path / "wide.png"), write_bytes(tmp_path / "c.pdf", 2048)])
    assert strip.isVisible()
    image_item, file_item = controller.items
    image_chip = strip.chips[image_item.local_id]
    file_chip = strip.chips[file_item.local_id]
    assert image_chip.has_thumbnail
    preview = image_chip.preview.pixmap()
    assert (preview.width(), preview.height()) == (56, 28)  # scaled, aspect kept
    assert not file_chip.has_thumbnail
    assert file_chip.status_label.text() == format_size(2048)
    assert file_chip.remove_button.accessibleName() == "Remove c.pdf"

    qtbot.mouseClick(image_chip.remove_button, Qt.MouseButton.LeftButton)
    assert [item.name for item in controller.items] == ["c.pdf"]
    assert set(strip.chips) == {file_item.local_id}
    qtbot.mouseClick(file_chip.remove_button, Qt.MouseButton.LeftButton)
    assert not strip.isVisible()


def test_thumbnail_of_something_that_is_not_an_image_is_null(tmp_path: Path) -> None:
    assert thumbnail(str(write_bytes(tmp_path / "fake.png", 40))).isNull()


def test_dictated_text_joins_what_is_already_typed(qtbot: QtBot) -> None:
    composer = Composer()
    qtbot.addWidget(composer)
    composer.set_text("My question:")
    composer.insert_text("I feel dizzy.")
    assert composer.text == "My question: I feel dizzy."
    composer.set_text("")
    composer.insert_text("Hello")
    assert composer.text == "Hello"
