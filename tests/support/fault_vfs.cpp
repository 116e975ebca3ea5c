// SPDX-License-Identifier: EUPL-1.2
#include "support/fault_vfs.hpp"

#include <fmt/format.h>

#include <array>
#include <sqlite3.h>
#include <stdexcept>

namespace cfp::test {

namespace {

// The live FaultVfs, or none: a connection opened through the shim may outlive it, and then its
// calls go straight through.
FaultVfs* g_active = nullptr;

// SQLite's default VFS when the shim was registered; every call ends there.
sqlite3_vfs* g_real = nullptr;

// A file as SQLite sees it: the shim's header, with the default VFS's file right behind it in
// the same allocation (szOsFile covers both).
struct ShimFile
{
  sqlite3_file base; // first, so that SQLite's sqlite3_file* is a ShimFile*
  FileRole role;
};

ShimFile* shim(sqlite3_file* file)
{
  return reinterpret_cast<ShimFile*>(file);
}

sqlite3_file* real(sqlite3_file* file)
{
  return reinterpret_cast<sqlite3_file*>(shim(file) + 1);
}

FileRole role_of(int flags)
{
  if ((flags & SQLITE_OPEN_MAIN_DB) != 0) {
    return FileRole::main_db;
  }
  if ((flags & SQLITE_OPEN_WAL) != 0) {
    return FileRole::wal;
  }
  if ((flags & SQLITE_OPEN_MAIN_JOURNAL) != 0) {
    return FileRole::main_journal;
  }
  if ((flags & (SQLITE_OPEN_TEMP_DB | SQLITE_OPEN_TRANSIENT_DB)) != 0) {
    return FileRole::temp_db;
  }
  if ((flags & (SQLITE_OPEN_TEMP_JOURNAL | SQLITE_OPEN_SUBJOURNAL | SQLITE_OPEN_SUPER_JOURNAL)) != 0) {
    return FileRole::temp_journal;
  }
  return FileRole::other;
}

// A WAL frame header is written alone (24 bytes, after the 32-byte WAL header); its second
// big-endian word is the database size in pages for the frame that commits, 0 otherwise.
bool is_commit_frame(FileRole role, const void* data, int amount, sqlite3_int64 offset)
{
  if (role != FileRole::wal || amount != 24 || offset < 32) {
    return false;
  }
  const auto* bytes = static_cast<const unsigned char*>(data);
  return (bytes[4] | bytes[5] | bytes[6] | bytes[7]) != 0;
}

std::optional<int> intercept(IoCallRecord record)
{
  return g_active == nullptr ? std::nullopt : g_active->on_call(record);
}

// The I/O methods: the three counted calls may fail, everything else goes through.

int shim_close(sqlite3_file* file)
{
  return real(file)->pMethods->xClose(real(file));
}

int shim_read(sqlite3_file* file, void* data, int amount, sqlite3_int64 offset)
{
  return real(file)->pMethods->xRead(real(file), data, amount, offset);
}

int shim_write(sqlite3_file* file, const void* data, int amount, sqlite3_int64 offset)
{
  const FileRole role = shim(file)->role;
  IoCallRecord record{IoCall::write, role, 0, offset, amount, is_commit_frame(role, data, amount, offset), false};
  if (const auto code = intercept(record)) {
    return *code;
  }
  return real(file)->pMethods->xWrite(real(file), data, amount, offset);
}

int shim_truncate(sqlite3_file* file, sqlite3_int64 size)
{
  if (const auto code = intercept({IoCall::truncate, shim(file)->role, 0, size, 0, false, false})) {
    return *code;
  }
  return real(file)->pMethods->xTruncate(real(file), size);
}

int shim_sync(sqlite3_file* file, int flags)
{
  if (const auto code = intercept({IoCall::sync, shim(file)->role, 0, 0, 0, false, false})) {
    return *code;
  }
  if (g_active != nullptr && g_active->syncs() == Syncs::skipped) {
    return SQLITE_OK;
  }
  return real(file)->pMethods->xSync(real(file), flags);
}

int shim_file_size(sqlite3_file* file, sqlite3_int64* size)
{
  return real(file)->pMethods->xFileSize(real(file), size);
}

int shim_lock(sqlite3_file* file, int level)
{
  return real(file)->pMethods->xLock(real(file), level);
}

int shim_unlock(sqlite3_file* file, int level)
{
  return real(file)->pMethods->xUnlock(real(file), level);
}

int shim_check_reserved_lock(sqlite3_file* file, int* out)
{
  return real(file)->pMethods->xCheckReservedLock(real(file), out);
}

int shim_file_control(sqlite3_file* file, int op, void* arg)
{
  return real(file)->pMethods->xFileControl(real(file), op, arg);
}

int shim_sector_size(sqlite3_file* file)
{
  return real(file)->pMethods->xSectorSize(real(file));
}

int shim_device_characteristics(sqlite3_file* file)
{
  return real(file)->pMethods->xDeviceCharacteristics(real(file));
}

int shim_shm_map(sqlite3_file* file, int page, int page_size, int extend, void volatile** out)
{
  return real(file)->pMethods->xShmMap(real(file), page, page_size, extend, out);
}

int shim_shm_lock(sqlite3_file* file, int offset, int n, int flags)
{
  return real(file)->pMethods->xShmLock(real(file), offset, n, flags);
}

void shim_shm_barrier(sqlite3_file* file)
{
  real(file)->pMethods->xShmBarrier(real(file));
}

int shim_shm_unmap(sqlite3_file* file, int delete_flag)
{
  return real(file)->pMethods->xShmUnmap(real(file), delete_flag);
}

int shim_fetch(sqlite3_file* file, sqlite3_int64 offset, int amount, void** out)
{
  return real(file)->pMethods->xFetch(real(file), offset, amount, out);
}

int shim_unfetch(sqlite3_file* file, sqlite3_int64 offset, void* page)
{
  return real(file)->pMethods->xUnfetch(real(file), offset, page);
}

// One table per version of sqlite3_io_methods, so that SQLite never calls a method the real
// file does not have (version 2 adds shared memory, 3 memory-mapped pages).
constexpr sqlite3_io_methods methods_of_version(int version)
{
  return {version,
          shim_close,
          shim_read,
          shim_write,
          shim_truncate,
          shim_sync,
          shim_file_size,
          shim_lock,
          shim_unlock,
          shim_check_reserved_lock,
          shim_file_control,
          shim_sector_size,
          shim_device_characteristics,
          version >= 2 ? shim_shm_map : nullptr,
          version >= 2 ? shim_shm_lock : nullptr,
          version >= 2 ? shim_shm_barrier : nullptr,
          version >= 2 ? shim_shm_unmap : nullptr,
          version >= 3 ? shim_fetch : nullptr,
          version >= 3 ? shim_unfetch : nullptr};
}

const std::array<sqlite3_io_methods, 3> k_methods{methods_of_version(1), methods_of_version(2), methods_of_version(3)};

// The VFS methods: xOpen wraps the file; the rest goes to the default VFS, called with itself
// (the unix VFS finds its locking style through its own pAppData).

int shim_open(sqlite3_vfs*, const char* name, sqlite3_file* file, int flags, int* out_flags)
{
  auto* wrapper = shim(file);
  wrapper->base.pMethods = nullptr;
  wrapper->role = role_of(flags);
  const int rc = g_real->xOpen(g_real, name, real(file), flags, out_flags);
  // SQLite calls xClose when pMethods is set, even after a failed open; it must be set exactly
  // when the real file's is.
  if (const sqlite3_io_methods* methods = real(file)->pMethods) {
    const int version = methods->iVersion < 1 ? 1 : (methods->iVersion > 3 ? 3 : methods->iVersion);
    wrapper->base.pMethods = &k_methods[static_cast<std::size_t>(version - 1)];
  }
  return rc;
}

int shim_delete(sqlite3_vfs*, const char* name, int sync_dir)
{
  return g_real->xDelete(g_real, name, sync_dir);
}

int shim_access(sqlite3_vfs*, const char* name, int flags, int* out)
{
  return g_real->xAccess(g_real, name, flags, out);
}

int shim_full_pathname(sqlite3_vfs*, const char* name, int size, char* out)
{
  return g_real->xFullPathname(g_real, name, size, out);
}

void* shim_dl_open(sqlite3_vfs*, const char* name)
{
  return g_real->xDlOpen(g_real, name);
}

void shim_dl_error(sqlite3_vfs*, int size, char* out)
{
  g_real->xDlError(g_real, size, out);
}

void (*shim_dl_sym(sqlite3_vfs*, void* handle, const char* symbol))(void)
{
  return g_real->xDlSym(g_real, handle, symbol);
}

void shim_dl_close(sqlite3_vfs*, void* handle)
{
  g_real->xDlClose(g_real, handle);
}

int shim_randomness(sqlite3_vfs*, int size, char* out)
{
  return g_real->xRandomness(g_real, size, out);
}

int shim_sleep(sqlite3_vfs*, int microseconds)
{
  return g_real->xSleep(g_real, microseconds);
}

int shim_current_time(sqlite3_vfs*, double* out)
{
  return g_real->xCurrentTime(g_real, out);
}

int shim_get_last_error(sqlite3_vfs*, int size, char* out)
{
  return g_real->xGetLastError(g_real, size, out);
}

int shim_current_time_int64(sqlite3_vfs*, sqlite3_int64* out)
{
  return g_real->xCurrentTimeInt64(g_real, out);
}

// Built when the first FaultVfs is made, from the default VFS of that moment; static, since
// SQLite keeps a pointer to it in every connection opened through it.
sqlite3_vfs g_shim{};

void build_shim()
{
  if (g_real != nullptr) {
    return;
  }
  g_real = sqlite3_vfs_find(nullptr);
  if (g_real == nullptr) {
    throw std::runtime_error("SQLite has no default VFS to wrap");
  }
  g_shim.iVersion = 2; // xCurrentTimeInt64; the system-call overrides of version 3 are not needed
  g_shim.szOsFile = static_cast<int>(sizeof(ShimFile)) + g_real->szOsFile;
  g_shim.mxPathname = g_real->mxPathname;
  g_shim.zName = "cfp-fault";
  g_shim.xOpen = shim_open;
  g_shim.xDelete = shim_delete;
  g_shim.xAccess = shim_access;
  g_shim.xFullPathname = shim_full_pathname;
  g_shim.xDlOpen = shim_dl_open;
  g_shim.xDlError = shim_dl_error;
  g_shim.xDlSym = shim_dl_sym;
  g_shim.xDlClose = shim_dl_close;
  g_shim.xRandomness = shim_randomness;
  g_shim.xSleep = shim_sleep;
  g_shim.xCurrentTime = shim_current_time;
  g_shim.xGetLastError = shim_get_last_error;
  g_shim.xCurrentTimeInt64 = shim_current_time_int64;
}

std::size_t index_of(IoCall call)
{
  return static_cast<std::size_t>(call);
}

} // namespace

std::string name_of(IoCall call)
{
  switch (call) {
  case IoCall::write:
    return "write";
  case IoCall::sync:
    return "sync";
  case IoCall::truncate:
    return "truncate";
  }
  return "?";
}

std::string name_of(FileRole role)
{
  switch (role) {
  case FileRole::main_db:
    return "database file";
  case FileRole::wal:
    return "-wal";
  case FileRole::main_journal:
    return "-journal";
  case FileRole::temp_db:
    return "temporary database";
  case FileRole::temp_journal:
    return "temporary journal";
  case FileRole::other:
    return "other file";
  }
  return "?";
}

std::string describe(const IoCallRecord& record)
{
  std::string text = fmt::format("{} {} of the {}", name_of(record.call), record.nth, name_of(record.role));
  if (record.call == IoCall::write) {
    text += fmt::format(" ({} bytes at {}{})", record.size, record.offset, record.commit_frame ? ", commit frame" : "");
  } else if (record.call == IoCall::truncate) {
    text += fmt::format(" (to {} bytes)", record.offset);
  }
  return text;
}

FaultVfs::FaultVfs(Syncs syncs) : m_syncs(syncs)
{
  if (g_active != nullptr) {
    throw std::logic_error("a FaultVfs is already registered");
  }
  build_shim();
  if (sqlite3_vfs_register(&g_shim, 1) != SQLITE_OK) {
    throw std::runtime_error("cannot register the fault-injecting VFS");
  }
  g_active = this;
}

FaultVfs::~FaultVfs()
{
  g_active = nullptr;
  // The default VFS before it becomes the default again; g_shim stays valid for connections
  // still open through it.
  sqlite3_vfs_unregister(&g_shim);
}

void FaultVfs::reset()
{
  m_counts = {};
  m_calls.clear();
  m_fail_call.reset();
}

void FaultVfs::count_only()
{
  reset();
  m_recording = true;
}

void FaultVfs::fail(IoCall call, std::uint64_t nth, int code)
{
  reset();
  m_recording = true;
  m_fail_call = call;
  m_fail_nth = nth;
  m_fail_code = code;
}

void FaultVfs::stop()
{
  m_recording = false;
  m_fail_call.reset();
}

std::uint64_t FaultVfs::count(IoCall call) const
{
  return m_counts[index_of(call)];
}

std::optional<IoCallRecord> FaultVfs::injected() const
{
  for (const auto& record : m_calls) {
    if (record.failed) {
      return record;
    }
  }
  return std::nullopt;
}

// cfp is single-threaded and SQLite calls the VFS on the caller's thread, so no lock is taken.
std::optional<int> FaultVfs::on_call(IoCallRecord record)
{
  if (!m_recording) {
    return std::nullopt;
  }
  record.nth = ++m_counts[index_of(record.call)];
  record.failed = m_fail_call == record.call && record.nth == m_fail_nth;
  m_calls.push_back(record);
  return record.failed ? std::optional<int>(m_fail_code) : std::nullopt;
}

} // namespace cfp::test
