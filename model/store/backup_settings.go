package store

import (
	"strconv"
	"time"

	"jobspor/model"
)

// Setting keys for the office's backup choices.
const (
	keyBackupFolder = "backup.folder"
	keyBackupKeep   = "backup.keep"
	keyBackupMaxAge = "backup.max_age_days"
	keyLastBackup   = "backup.last"
)

// BackupSettings reads the office's backup choices (10 kept, warn after 7
// days, when nothing is set).
func (s *Store) BackupSettings() (model.BackupSettings, error) {
	b := model.BackupSettings{Keep: 10, MaxAgeDays: 7}
	vals := map[string]string{}
	for _, k := range []string{keyBackupFolder, keyBackupKeep, keyBackupMaxAge, keyLastBackup, keyBackupRecipient} {
		v, err := s.setting(k)
		if err != nil {
			return b, err
		}
		vals[k] = v
	}
	b.Folder, b.HasKey = vals[keyBackupFolder], vals[keyBackupRecipient] != ""
	if n, err := strconv.Atoi(vals[keyBackupKeep]); err == nil {
		b.Keep = n
	}
	if n, err := strconv.Atoi(vals[keyBackupMaxAge]); err == nil {
		b.MaxAgeDays = n
	}
	last, err := parseStored(scanMoment, vals[keyLastBackup])
	b.Last = last
	return b, err
}

// SaveBackupSettings stores the folder, how many to keep and the warning age.
func (s *Store) SaveBackupSettings(b model.BackupSettings) error {
	if b.Keep < 1 || b.Keep > 365 || b.MaxAgeDays < 1 || b.MaxAgeDays > 365 {
		return model.NewUserError("error.backup.settings", nil)
	}
	return s.saveSettings(map[string]string{keyBackupFolder: b.Folder, keyBackupKeep: strconv.Itoa(b.Keep),
		keyBackupMaxAge: strconv.Itoa(b.MaxAgeDays)})
}

// backupDue tells whether a backup at window close is due: at most one a day.
func backupDue(b model.BackupSettings, now time.Time) bool {
	return b.HasKey && b.Folder != "" && (b.Last.IsZero() || model.Day(b.Last.Local()) != model.Day(now))
}

// BackupIfDue makes the day's automatic backup into the office's folder
// when one is due (a passphrase and a folder are set, none made today).
func (s *Store) BackupIfDue() (model.BackupInfo, bool, error) {
	b, err := s.BackupSettings()
	if err != nil || !backupDue(b, s.Now()) {
		return model.BackupInfo{}, false, err
	}
	info, err := s.Backup(b.Folder, b.Keep)
	return info, err == nil, err
}
