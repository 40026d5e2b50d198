/* SPDX-License-Identifier: MIT */
/* store/sqlite_share.c — a database shared by a Unix group, like git's core.sharedRepository:
 * the directory setgid and group-writable, the database and its -wal/-shm group-readable and
 * -writable whatever the umask (SQLite creates -wal/-shm with the database file's mode, so
 * the database file is created here, with the group's mode, before SQLite opens it). Also
 * the one-line diagnosis of a permission failure: which file or directory, its owner, group
 * and mode, and the command that fixes it. File-system calls only: no SQL here. */
#include "store_int.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *user_name(uid_t uid, char *buf, size_t n)
{
    const struct passwd *pw = getpwuid(uid);
    if (pw && pw->pw_name) snprintf(buf, n, "%s", pw->pw_name);
    else snprintf(buf, n, "uid %ld", (long)uid);
    return buf;
}

static const char *group_name(gid_t gid, char *buf, size_t n)
{
    const struct group *gr = getgrgid(gid);
    if (gr && gr->gr_name) snprintf(buf, n, "%s", gr->gr_name);
    else snprintf(buf, n, "gid %ld", (long)gid);
    return buf;
}

static bool in_group(gid_t gid)
{
    if (getegid() == gid) return true;
    gid_t gs[256];
    int n = getgroups(256, gs);
    for (int i = 0; i < n; i++)
        if (gs[i] == gid) return true;
    return false;
}

static char *parent_dir(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash) return strdup(".");
    if (slash == path) return strdup("/");
    return strndup(path, (size_t)(slash - path));
}

/* "PATH (owner alice, group lnd, mode 0600); <how to fix it>" for a file or directory we
 * cannot use as a member of a team that shares it. */
static void explain(const char *path, const struct stat *sb, char *out, size_t n)
{
    char me[64], owner[64], grp[64];
    user_name(geteuid(), me, sizeof me);
    user_name(sb->st_uid, owner, sizeof owner);
    group_name(sb->st_gid, grp, sizeof grp);
    bool dir = S_ISDIR(sb->st_mode);
    int len = snprintf(out, n, "%s (%sowner %s, group %s, mode %04o); ", path, dir ? "directory; " : "", owner, grp,
                       (unsigned)(sb->st_mode & 07777));
    if (len < 0 || (size_t)len >= n) return;
    out += len;
    n -= (size_t)len;
    const struct passwd *pw = getpwuid(sb->st_uid);
    bool personal = pw && pw->pw_gid == sb->st_gid;   /* the owner's own group: nobody shares it */
    if (sb->st_uid == geteuid())
        snprintf(out, n, "it is yours: run chmod u+%s %s", dir ? "rwx" : "rw", path);
    else if (in_group(sb->st_gid))   /* sharing means reading and writing */
        snprintf(out, n, "ask %s to run: chmod %s %s", owner, dir ? "g+rwxs" : "g+rw", path);
    else if ((sb->st_mode & 070) == 0 || sb->st_gid == 0)   /* joining its group would not help */
        snprintf(out, n, "its group gives no way in; ask %s to share it with your team's group: chgrp GROUP %s && "
                 "chmod %s %s (see \"Sharing one database\" in lnd(1))", owner, path, dir ? "g+rwxs" : "g+rw", path);
    else if (personal)
        snprintf(out, n, "you (%s) are not in its group %s; ask %s to share it with your team's group: "
                 "lnd --db DB init --shared GROUP (see \"Sharing one database\" in lnd(1))", me, grp, owner);
    else
        snprintf(out, n, "you (%s) are not in group %s; ask an administrator to run: usermod -aG %s %s "
                 "(then log in again)", me, grp, grp, me);
}

store_rc st_denied(store *s, const char *path, bool write)
{
    /* the first directory on the way we cannot search, then the file, then -wal/-shm */
    char *p = strdup(path);
    if (!p) return STORE_OK;
    char why[1400] = "";
    struct stat sb;
    for (char *q = p + 1; *q && !why[0]; q++) {
        if (*q != '/') continue;
        *q = '\0';
        if (access(p, X_OK) != 0 && errno == EACCES && stat(p, &sb) == 0) explain(p, &sb, why, sizeof why);
        *q = '/';
    }
    free(p);
    char *dir = parent_dir(path);
    if (!why[0] && dir && access(dir, X_OK) != 0 && errno == EACCES && stat(dir, &sb) == 0)
        explain(dir, &sb, why, sizeof why);
    /* writing needs the directory too (SQLite creates its -wal, -shm and journal there) */
    if (!why[0] && write && dir && access(dir, W_OK) != 0 && errno == EACCES && stat(dir, &sb) == 0)
        explain(dir, &sb, why, sizeof why);
    free(dir);
    static const char *const sfx[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3 && !why[0]; i++) {
        char f[4200];
        snprintf(f, sizeof f, "%s%s", path, sfx[i]);
        if (stat(f, &sb) != 0) continue;
        int mode = R_OK | (write && i == 0 ? W_OK : 0);
        if (access(f, mode) != 0 && errno == EACCES) explain(f, &sb, why, sizeof why);
    }
    if (!why[0]) return STORE_OK;
    return st_fail(s, write ? STORE_READONLY : STORE_DENIED, "%s: %s", write ? "read-only, cannot write" : "permission denied",
                   why);
}

/* Give one file we own the group and g+rw; check one we do not own already has them. */
static store_rc share_file(store *s, const char *f, gid_t gid, const char *gname)
{
    struct stat sb;
    if (stat(f, &sb) != 0) return STORE_OK;   /* -wal/-shm come and go */
    bool mine = sb.st_uid == geteuid() || geteuid() == 0;
    mode_t want = (sb.st_mode & 07777) | S_IRUSR | S_IWUSR | S_IRGRP | S_IWGRP;
    if (mine) {
        if ((sb.st_gid != gid && chown(f, (uid_t)-1, gid) != 0) ||
            ((sb.st_mode & 07777) != want && chmod(f, want) != 0))
            return st_fail(s, STORE_DENIED, "cannot share %s with group %s: %s", f, gname, strerror(errno));
        return STORE_OK;
    }
    if (sb.st_gid == gid && (sb.st_mode & (S_IRGRP | S_IWGRP)) == (S_IRGRP | S_IWGRP)) return STORE_OK;
    char owner[64];
    user_name(sb.st_uid, owner, sizeof owner);
    return st_fail(s, STORE_DENIED, "cannot share %s: it belongs to %s (mode %04o); ask %s to run: chgrp %s %s && "
                   "chmod g+rw %s", f, owner, (unsigned)(sb.st_mode & 07777), owner, gname, f, f);
}

store_rc store_share(const char *path, const char *group, char *err, size_t errsz)
{
    store tmp = {0};
    store *s = &tmp;
    store_rc rc = STORE_OK;
    char *dir = parent_dir(path);
    char gname[64];
    gid_t gid;
    const struct group *gr = group && *group ? getgrnam(group) : NULL;
    struct stat sb;
    if (!dir) {
        rc = st_fail(s, STORE_IO, "out of memory sharing %s", path);
        goto out;
    }
    if (gr) {
        gid = gr->gr_gid;
    } else if (group && strcmp(group, "group") == 0) {   /* git's word: the directory's group */
        gid = stat(dir, &sb) == 0 ? sb.st_gid : getegid();
    } else {
        rc = st_fail(s, STORE_INVALID, "no group named '%s'; create it (groupadd %s) or name an existing one",
                     group ? group : "", group ? group : "");
        goto out;
    }
    group_name(gid, gname, sizeof gname);
    if (geteuid() != 0 && !in_group(gid)) {
        char me[64];
        rc = st_fail(s, STORE_DENIED, "you (%s) are not in group %s; ask an administrator to run: usermod -aG %s %s "
                     "(then log in again)", user_name(geteuid(), me, sizeof me), gname, gname, me);
        goto out;
    }
    char where[4096] = "";
    int e = st_make_parents(path, where, sizeof where);
    if (e) {
        rc = st_fail(s, e == EACCES ? STORE_DENIED : STORE_IO, "cannot create directory %s: %s", where, strerror(e));
        goto out;
    }
    /* the directory: setgid, so -wal/-shm and every new file get the group; group rwx */
    if (stat(dir, &sb) != 0) {
        rc = st_fail(s, STORE_IO, "cannot read directory %s: %s", dir, strerror(errno));
        goto out;
    }
    mode_t dwant = (sb.st_mode & 07777) | S_ISGID | S_IRWXU | S_IRWXG;
    if (sb.st_uid == geteuid() || geteuid() == 0) {
        if ((sb.st_gid != gid && chown(dir, (uid_t)-1, gid) != 0) ||
            ((sb.st_mode & 07777) != dwant && chmod(dir, dwant) != 0)) {
            rc = st_fail(s, STORE_DENIED, "cannot share directory %s with group %s: %s", dir, gname, strerror(errno));
            goto out;
        }
    } else if (sb.st_gid != gid || (sb.st_mode & (S_ISGID | S_IRWXG)) != (S_ISGID | S_IRWXG)) {
        char owner[64];
        user_name(sb.st_uid, owner, sizeof owner);
        rc = st_fail(s, STORE_DENIED, "cannot share directory %s: it belongs to %s (group %s, mode %04o); ask %s to "
                     "run: chgrp %s %s && chmod g+rwxs %s", dir, owner, group_name(sb.st_gid, where, sizeof where),
                     (unsigned)(sb.st_mode & 07777), owner, gname, dir, dir);
        goto out;
    }
    /* the database: created here with the group's mode whatever the umask (SQLite would make
     * it 0644 & ~umask), so the -wal/-shm SQLite creates later copy that mode */
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0660);
    if (fd >= 0) {
        bool ok = fchown(fd, (uid_t)-1, gid) == 0 && fchmod(fd, 0660) == 0;
        int en = errno;
        close(fd);
        if (!ok) {
            unlink(path);
            rc = st_fail(s, STORE_DENIED, "cannot share %s with group %s: %s", path, gname, strerror(en));
            goto out;
        }
    } else if (errno != EEXIST) {
        rc = st_fail(s, errno == EACCES ? STORE_DENIED : STORE_IO, "cannot create %s: %s", path, strerror(errno));
        goto out;
    }
    static const char *const sfx[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3 && rc == STORE_OK; i++) {
        char f[4200];
        snprintf(f, sizeof f, "%s%s", path, sfx[i]);
        rc = share_file(s, f, gid, gname);
    }
out:
    free(dir);
    if (rc != STORE_OK) snprintf(err, errsz, "%s", s->err);
    return rc;
}
