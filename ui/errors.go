package ui

import "errors"

// errorForDialog carries the translated text into dialog.ShowError.
func errorForDialog(err error) error { return errors.New(errText(err)) }
