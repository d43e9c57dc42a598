package loader

import "syscall"

// statVersion returns the version of the file of st.
func statVersion(st *syscall.Stat_t) FileVersion {
	return FileVersion{Size: st.Size, ModTime: st.Mtim.Nano(), Known: true}
}
