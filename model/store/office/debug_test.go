package office

import "os"

func init() { debugPull = os.Getenv("JOBSPOR_DEBUG_PULL") != "" }
