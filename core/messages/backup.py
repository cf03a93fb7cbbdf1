"""Message ids: Backups and restores."""

from __future__ import annotations

from core.messages.mark import QT_TRANSLATE_NOOP

ENGLISH = {
    "backup.already_exists": QT_TRANSLATE_NOOP("Core", "{path} already exists"),
    "backup.choose_another_file_name": QT_TRANSLATE_NOOP("Core", "Choose another file name."),
    "backup.folder_does_not_exist": QT_TRANSLATE_NOOP("Core", "the folder {path} does not exist"),
    "backup.create": QT_TRANSLATE_NOOP("Core", "Create it."),
    "backup.backups_clinic_server_made_postgresql": QT_TRANSLATE_NOOP(
        "Core", "backups of a clinic server are made with PostgreSQL's own tools"
    ),
    "backup.chartside_no_workspace_back_up": QT_TRANSLATE_NOOP(
        "Core", "Chartside has no workspace to back up yet"
    ),
    "backup.database_dump_inside_backup_does": QT_TRANSLATE_NOOP(
        "Core", "the database dump inside the backup does not match its manifest"
    ),
    "backup.backup_file_changed_while_being": QT_TRANSLATE_NOOP(
        "Core", "the backup file changed while it was being restored"
    ),
    "backup.restored_workspaces_differ_from_backup": QT_TRANSLATE_NOOP(
        "Core", "the restored workspaces differ from the backup"
    ),
    "backup.cannot_restore_into_not_empty": QT_TRANSLATE_NOOP(
        "Core", "cannot restore into {path}: it is not an empty folder"
    ),
    "backup.restored_table_rows_backup_recorded": QT_TRANSLATE_NOOP(
        "Core", "the restored table {name} has {n} rows; the backup recorded {total}"
    ),
    "backup.restored_notes_workspace_differ_from": QT_TRANSLATE_NOOP(
        "Core", "the restored notes of workspace {id} differ from the backup"
    ),
    "backup.backup_made_newer_chartside_database": QT_TRANSLATE_NOOP(
        "Core", "the backup was made by a newer Chartside (database schema {id})"
    ),
    "backup.unattended_backups_cover_store_one": QT_TRANSLATE_NOOP(
        "Core", "unattended backups cover a store with one workspace"
    ),
    "backup.back_up_hand_passphrase_chartside": QT_TRANSLATE_NOOP(
        "Core", "Back up by hand with the passphrase (`chartside backup`)."
    ),
    "backup.neither_passphrase_nor_recovery_key": QT_TRANSLATE_NOOP(
        "Core", "Neither a passphrase nor the recovery key of this workspace opens this backup."
    ),
    "backup.use_passphrase_you_had_when": QT_TRANSLATE_NOOP(
        "Core", "Use the passphrase you had when the backup was made, or the recovery key."
    ),
    "backup.backup_file_header_holds_values": QT_TRANSLATE_NOOP(
        "Core", "the backup file header holds values this format does not allow"
    ),
    "backup.keep_must_least_1": QT_TRANSLATE_NOOP("Core", "keep must be at least 1"),
    "backup.keep_one_backup_more": QT_TRANSLATE_NOOP("Core", "Keep one backup or more."),
    "backup.backup_manifest_larger_than_one": QT_TRANSLATE_NOOP(
        "Core", "the backup manifest is larger than one chunk"
    ),
    "backup.passphrase_does_not_open_backup": QT_TRANSLATE_NOOP(
        "Core", "The passphrase does not open this backup."
    ),
    "backup.use_passphrase_chartside_had_when": QT_TRANSLATE_NOOP(
        "Core", "Use the passphrase Chartside had when the backup was made."
    ),
    "backup.backup_file_ends_early_inside": QT_TRANSLATE_NOOP(
        "Core", "the backup file ends early, inside {part} (truncated)"
    ),
    "backup.not_chartside_backup_file_start": QT_TRANSLATE_NOOP(
        "Core", "this is not a Chartside backup file, or its start is damaged"
    ),
    "backup.backup_file_format_version_chartside": QT_TRANSLATE_NOOP(
        "Core", "the backup file has format version {n}; this Chartside reads {total}"
    ),
    "backup.backup_file_header_damaged_impossible": QT_TRANSLATE_NOOP(
        "Core", "the backup file header is damaged (impossible length)"
    ),
    "backup.backup_file_header_damaged_checksum": QT_TRANSLATE_NOOP(
        "Core", "the backup file header is damaged (checksum mismatch)"
    ),
    "backup.backup_file_changed_while_being_read": QT_TRANSLATE_NOOP(
        "Core", "the backup file changed while it was being read"
    ),
    "backup.cannot_read_backup_file": QT_TRANSLATE_NOOP(
        "Core", "cannot read the backup file {path}: {detail}"
    ),
    "backup.check_path_file_s_permissions": QT_TRANSLATE_NOOP(
        "Core", "Check the path and the file's permissions."
    ),
    "backup.manifest_inside_backup_cannot_read": QT_TRANSLATE_NOOP(
        "Core", "the manifest inside the backup cannot be read"
    ),
    "backup.backup_file_header_cannot_read": QT_TRANSLATE_NOOP(
        "Core", "the backup file header cannot be read"
    ),
    "backup.backup_file_ends_early_last": QT_TRANSLATE_NOOP(
        "Core", "the backup file ends early: its last part is missing"
    ),
    "backup.part_backup_file_damaged_bad": QT_TRANSLATE_NOOP(
        "Core", "part {n} of the backup file is damaged (bad length)"
    ),
    "backup.part_backup_file_unknown_kind": QT_TRANSLATE_NOOP(
        "Core", "part {n} of the backup file has an unknown kind"
    ),
    "backup.part_backup_file_failed_integrity": QT_TRANSLATE_NOOP(
        "Core", "part {n} of the backup file failed its integrity check (damaged or altered)"
    ),
    "backup.backup_file_unexpected_data_after": QT_TRANSLATE_NOOP(
        "Core", "the backup file has unexpected data after its end"
    ),
    "backup.no_backup_folder_set": QT_TRANSLATE_NOOP("Core", "no backup folder is set"),
    "backup.set_backup_folder_settings_preferably": QT_TRANSLATE_NOOP(
        "Core", "Set backup.folder in the settings, preferably on another disk."
    ),
    "backup.backup_folder_does_not_exist": QT_TRANSLATE_NOOP(
        "Core", "the backup folder {path} does not exist"
    ),
    "backup.connect_backup_disk_create_folder": QT_TRANSLATE_NOOP(
        "Core", "Connect the backup disk, or create the folder."
    ),
    "backup.cannot_restore_into_inside_data": QT_TRANSLATE_NOOP(
        "Core", "cannot restore into {path}: it is inside the data folder in use"
    ),
    "backup.part": QT_TRANSLATE_NOOP("Core", "part {n}"),
    "backup.the_header": QT_TRANSLATE_NOOP("Core", "the header"),
}
