package reports

import "jobspor/model"

// DanishDate and DanishDateTime are the model's Danish date forms.
var (
	DanishDate     = model.DanishDate
	DanishDateTime = model.DanishDateTime
)
