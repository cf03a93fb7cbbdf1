"""Message ids: Backups and restores."""

from __future__ import annotations

from core.messages.mark import QT_TRANSLATE_NOOP

ENGLISH = {
    "backup.path_already_exists": QT_TRANSLATE_NOOP("Core", "{path} already exists"),
    "backup.choose_another_file_name": QT_TRANSLATE_NOOP("Core", "Choose another file name."),
    "backup.folder_missing": QT_TRANSLATE_NOOP("Core", "the folder {path} does not exist"),
    "backup.create_the_folder": QT_TRANSLATE_NOOP("Core", "Create it."),
    "backup.server_uses_postgres_tools": QT_TRANSLATE_NOOP(
        "Core", "backups of a clinic server are made with PostgreSQL's own tools"
    ),
    "backup.no_workspace_to_back_up": QT_TRANSLATE_NOOP(
        "Core", "Chartside has no workspace to back up yet"
    ),
    "backup.dump_mismatches_manifest": QT_TRANSLATE_NOOP(
        "Core", "the database dump inside the backup does not match its manifest"
    ),
    "backup.file_changed_while_restoring": QT_TRANSLATE_NOOP(
        "Core", "the backup file changed while it was being restored"
    ),
    "backup.restored_workspaces_differ": QT_TRANSLATE_NOOP(
        "Core", "the restored workspaces differ from the backup"
    ),
    "backup.target_not_empty": QT_TRANSLATE_NOOP(
        "Core", "cannot restore into {path}: it is not an empty folder"
    ),
    "backup.restored_row_count_differs": QT_TRANSLATE_NOOP(
        "Core", "the restored table {name} has {n} rows; the backup recorded {total}"
    ),
    "backup.restored_notes_differ": QT_TRANSLATE_NOOP(
        "Core", "the restored notes of workspace {id} differ from the backup"
    ),
    "backup.made_by_newer_schema": QT_TRANSLATE_NOOP(
        "Core", "the backup was made by a newer Chartside (database schema {id})"
    ),
    "backup.unattended_needs_one_workspace": QT_TRANSLATE_NOOP(
        "Core", "unattended backups cover a store with one workspace"
    ),
    "backup.back_up_by_hand": QT_TRANSLATE_NOOP(
        "Core", "Back up by hand with the passphrase (`chartside backup`)."
    ),
    "backup.no_secret_opens_backup": QT_TRANSLATE_NOOP(
        "Core", "Neither a passphrase nor the recovery key of this workspace opens this backup."
    ),
    "backup.use_passphrase_or_recovery_key": QT_TRANSLATE_NOOP(
        "Core", "Use the passphrase you had when the backup was made, or the recovery key."
    ),
    "backup.header_values_not_allowed": QT_TRANSLATE_NOOP(
        "Core", "the backup file header holds values this format does not allow"
    ),
    "backup.keep_at_least_one": QT_TRANSLATE_NOOP("Core", "keep must be at least 1"),
    "backup.keep_one_or_more": QT_TRANSLATE_NOOP("Core", "Keep one backup or more."),
    "backup.manifest_too_large": QT_TRANSLATE_NOOP(
        "Core", "the backup manifest is larger than one chunk"
    ),
    "backup.passphrase_does_not_open_backup": QT_TRANSLATE_NOOP(
        "Core", "The passphrase does not open this backup."
    ),
    "backup.use_passphrase_of_backup": QT_TRANSLATE_NOOP(
        "Core", "Use the passphrase Chartside had when the backup was made."
    ),
    "backup.file_truncated_inside": QT_TRANSLATE_NOOP(
        "Core", "the backup file ends early, inside {part} (truncated)"
    ),
    "backup.not_a_backup_file": QT_TRANSLATE_NOOP(
        "Core", "this is not a Chartside backup file, or its start is damaged"
    ),
    "backup.format_version_unsupported": QT_TRANSLATE_NOOP(
        "Core", "the backup file has format version {n}; this Chartside reads {total}"
    ),
    "backup.header_impossible_length": QT_TRANSLATE_NOOP(
        "Core", "the backup file header is damaged (impossible length)"
    ),
    "backup.header_checksum_mismatch": QT_TRANSLATE_NOOP(
        "Core", "the backup file header is damaged (checksum mismatch)"
    ),
    "backup.file_changed_while_reading": QT_TRANSLATE_NOOP(
        "Core", "the backup file changed while it was being read"
    ),
    "backup.file_unreadable": QT_TRANSLATE_NOOP(
        "Core", "cannot read the backup file {path}: {detail}"
    ),
    "backup.check_path_permissions": QT_TRANSLATE_NOOP(
        "Core", "Check the path and the file's permissions."
    ),
    "backup.manifest_unreadable": QT_TRANSLATE_NOOP(
        "Core", "the manifest inside the backup cannot be read"
    ),
    "backup.header_unreadable": QT_TRANSLATE_NOOP("Core", "the backup file header cannot be read"),
    "backup.file_last_part_missing": QT_TRANSLATE_NOOP(
        "Core", "the backup file ends early: its last part is missing"
    ),
    "backup.part_bad_length": QT_TRANSLATE_NOOP(
        "Core", "part {n} of the backup file is damaged (bad length)"
    ),
    "backup.part_unknown_kind": QT_TRANSLATE_NOOP(
        "Core", "part {n} of the backup file has an unknown kind"
    ),
    "backup.part_integrity_failed": QT_TRANSLATE_NOOP(
        "Core", "part {n} of the backup file failed its integrity check (damaged or altered)"
    ),
    "backup.data_after_end": QT_TRANSLATE_NOOP(
        "Core", "the backup file has unexpected data after its end"
    ),
    "backup.no_backup_folder_set": QT_TRANSLATE_NOOP("Core", "no backup folder is set"),
    "backup.set_backup_folder": QT_TRANSLATE_NOOP(
        "Core", "Set backup.folder in the settings, preferably on another disk."
    ),
    "backup.backup_folder_missing": QT_TRANSLATE_NOOP(
        "Core", "the backup folder {path} does not exist"
    ),
    "backup.connect_disk_or_create_folder": QT_TRANSLATE_NOOP(
        "Core", "Connect the backup disk, or create the folder."
    ),
    "backup.target_inside_data_folder": QT_TRANSLATE_NOOP(
        "Core", "cannot restore into {path}: it is inside the data folder in use"
    ),
    "backup.part_number": QT_TRANSLATE_NOOP("Core", "part {n}"),
    "backup.the_header": QT_TRANSLATE_NOOP("Core", "the header"),
}
