package corpus

import (
	"os"
	"strconv"
	"strings"
)

// PeakRSSMB returns the process's peak resident set (VmHWM) in MB, for
// benchmarks to report; 0 where /proc is missing.
func PeakRSSMB() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for l := range strings.Lines(string(data)) {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}
