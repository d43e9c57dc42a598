package loader

import (
	"io/fs"
	"syscall"

	"golang.org/x/sys/unix"
)

// folderStamp returns the size, times, device and inode of a folder's
// FileInfo, as the cache keys its entries (see [cacheHook.listing]); ok is
// false when info carries no *syscall.Stat_t.
func folderStamp(info fs.FileInfo) (FileKey, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok || st == nil {
		return FileKey{}, false
	}
	return FileKey{Size: st.Size, ModTime: st.Mtim.Nano(), ChangeTime: st.Ctim.Nano(),
		Dev: uint64(st.Dev), Ino: uint64(st.Ino)}, true
}

// zfsSuperMagic is the f_type of ZFS on Linux, which x/sys/unix does not name.
const zfsSuperMagic = 0x2fc12fc1

// keepsFolderTimes returns the device of the folder dir when it is on a
// local file system that changes a folder's modification and change
// times whenever an entry is added, removed or renamed, as POSIX asks and
// a network or FUSE file system may not show at once; ok is false
// otherwise.
func keepsFolderTimes(dir string) (dev uint64, ok bool) {
	var sfs unix.Statfs_t
	var st unix.Stat_t
	if unix.Statfs(dir, &sfs) != nil || unix.Stat(dir, &st) != nil {
		return 0, false
	}
	switch uint32(sfs.Type) {
	case unix.EXT4_SUPER_MAGIC, unix.XFS_SUPER_MAGIC, unix.BTRFS_SUPER_MAGIC, unix.TMPFS_MAGIC,
		unix.F2FS_SUPER_MAGIC, unix.BCACHEFS_SUPER_MAGIC, zfsSuperMagic:
		return uint64(st.Dev), true
	}
	return 0, false
}
