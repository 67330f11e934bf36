/* fileio — reading a whole file into memory, the one way every module does it
 * (briefs, locale files, images, files `l10n` edits).
 *
 * Nothing is printed here: the caller knows what the file is for and says what is
 * wrong, with the outcome and `errno` this module gives it (bg_file_problem has the
 * common words).  bg_write_atomic is the exception (below).
 *
 * Memory rule: bg_file_read's buffer is the caller's, freed with free(); the
 * strings the other functions return are static or the caller's `buf`.
 *
 * Threads: safe on any thread.  bg_write_atomic learns the umask once, on its first
 * call, by setting it to 0 and back (POSIX has no call that only reads it); every
 * other writer waits for that (pthread_once), so no file or folder of ours is made
 * in the instant the process has no umask.  A umask set after the first write is
 * not seen by the files' modes (briefgen never sets one).  Code that makes files by other means
 * while the first write is under way could still meet that instant: the commands
 * write only through here.
 */
#ifndef BG_FILEIO_H
#define BG_FILEIO_H

#include <stddef.h>
#include <sys/types.h>

typedef enum bg_file_status {
    BG_FILE_OK = 0,
    BG_FILE_CANNOT_OPEN, /* errno says why */
    BG_FILE_NOT_REGULAR, /* a directory, pipe, device…: see bg_file_kind(mode) */
    BG_FILE_TOO_LARGE,   /* more than the caller's limit; *len holds the size */
    BG_FILE_CANNOT_READ, /* errno says why (ENOMEM when out of memory) */
} bg_file_status;

/* Read the regular file at `path`, of at most `max` bytes, into a malloc'd buffer
 * (*data, with a NUL after the *len bytes; the caller frees it).  A pipe is opened
 * without waiting for a writer and refused.  On any other outcome than BG_FILE_OK
 * *data is NULL; `mode` (may be NULL) receives the file's type. */
bg_file_status bg_file_read(const char *path, size_t max, char **data, size_t *len, mode_t *mode);

/* " (it is a directory)", " (it is a pipe)", … for a message, or "".  Static. */
const char *bg_file_kind(mode_t mode);

/* The words for what went wrong, written into `buf`, for the caller to say with the
 * file's name: "cannot open: <errno>", "not a regular file (it is a directory)",
 * "cannot read: <errno>".  Call it right after bg_file_read, while errno is still
 * its.  BG_FILE_TOO_LARGE is the caller's to explain (only it knows its limit).
 * Returns `buf`. */
const char *bg_file_problem(bg_file_status st, mode_t mode, char *buf, size_t size);

/* Create and open a new file named `stem` followed by six characters mkstemp picks,
 * mode 0600, its name written into `buf`.  The descriptor, or -1 with errno set
 * (ENAMETOOLONG when the name does not fit `size`); not reported. */
int bg_temp_open(const char *stem, char *buf, size_t size);

/* Write `len` bytes to `path` through a temporary file in the same folder (".NAME."
 * and six characters mkstemp picks, fsync'd) and a rename, so `path` is either the
 * old file or the complete new one — never a partial one — and a failure removes
 * the temporary file.  Creates the folder when missing.  The file gets 0666 less the umask, as
 * any file the user makes.  0, or -1 with an error naming the path (the one
 * function here that reports its own failure, through diag: only the writer knows
 * which step failed). */
int bg_write_atomic(const char *path, const char *data, size_t len);

#endif
