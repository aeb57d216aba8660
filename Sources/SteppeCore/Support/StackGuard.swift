#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Keeps deep recursion (nested expressions, `def` recursion, rules that call
/// rules, values nested in values) from overflowing the thread's stack: the
/// recursive routines ask `hasRoom()` and report an error instead of
/// crashing. A fixed depth limit cannot do this alone, since the size of a
/// frame differs between debug and release builds, and threads have stacks of
/// different sizes.
public enum StackGuard {
    /// The lowest usable stack address of this thread, found once per thread
    /// (finding it reads /proc/self/maps on the main thread) and kept in a
    /// thread-specific slot.
    private static let key: pthread_key_t? = {
        var k = pthread_key_t()
        return pthread_key_create(&k, nil) == 0 ? k : nil
    }()

    /// Whether at least `reserve` bytes (by default an eighth of the stack,
    /// from 128 KiB to 1 MiB) are left below the caller's frame.
    @inline(__always)
    public static func hasRoom() -> Bool {
        guard let limit = limit() else { return true }
        var marker: UInt8 = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        return here > limit
    }

    /// The address below which no more frames should go; nil when unknown.
    static func limit() -> UInt? {
        guard let key else { return nil }
        if let stored = pthread_getspecific(key) {
            let value = UInt(bitPattern: stored)
            return value == 1 ? nil : value
        }
        let found = findLimit()
        pthread_setspecific(key, UnsafeRawPointer(bitPattern: found ?? 1))
        return found
    }

    private static func findLimit() -> UInt? {
        if let main = mainThreadLimit() { return main }
        // pthread_getattr_np is a GNU extension the Glibc module leaves out.
        typealias GetAttr = @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32
        guard let symbol = dlsym(nil, "pthread_getattr_np") else { return nil }
        let getattr = unsafeBitCast(symbol, to: GetAttr.self)
        var attr = pthread_attr_t()
        guard getattr(pthread_self(), &attr) == 0 else { return nil }
        defer { pthread_attr_destroy(&attr) }
        var address: UnsafeMutableRawPointer?
        var size = 0
        guard pthread_attr_getstack(&attr, &address, &size) == 0, let address, size > 0 else { return nil }
        let low = UInt(bitPattern: address)
        let high = low + UInt(size)
        // Never trust more than 64 MiB (the main thread's size may come from
        // an "unlimited" RLIMIT_STACK).
        return limit(low: low, high: high)
    }

    /// The limit for a stack from `low` to `high`.
    private static func limit(low: UInt, high: UInt) -> UInt {
        let bottom = max(low, high - min(high - low, 64 << 20))
        let reserve = min(max((high - bottom) / 8, 128 << 10), 1 << 20)
        return bottom + reserve
    }

    /// On the main thread, pthread_getattr_np reads /proc/self/maps (a
    /// sscanf a line: a sixtieth of steppe's start-up). The same answer
    /// from what the kernel hands the process: the stack's top is the page
    /// holding the executable's file name (`AT_EXECFN`, the last thing the
    /// kernel puts on the stack), and it may grow down by RLIMIT_STACK.
    /// Rounding the top up can only place the limit higher, never lower.
    private static func mainThreadLimit() -> UInt? {
        typealias GetTid = @convention(c) () -> pid_t
        typealias GetAuxVal = @convention(c) (UInt) -> UInt
        guard let gettid = dlsym(nil, "gettid"), let getauxval = dlsym(nil, "getauxval"),
              unsafeBitCast(gettid, to: GetTid.self)() == getpid() else { return nil }
        let execfn = unsafeBitCast(getauxval, to: GetAuxVal.self)(31)  // AT_EXECFN
        var rl = rlimit()
        guard execfn != 0, getrlimit(__rlimit_resource_t(RLIMIT_STACK.rawValue), &rl) == 0 else { return nil }
        let name = UnsafePointer<CChar>(bitPattern: execfn).map { strlen($0) } ?? 0
        let page: UInt = 4096
        let high = (execfn + UInt(name) + 1 + 2 * page) & ~(page - 1)
        let size = rl.rlim_cur == rlim_t.max ? UInt(64 << 20) : UInt(rl.rlim_cur)
        guard size > 0, size < high else { return nil }
        var marker: UInt8 = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        // Not on the process's first stack (a program that moved it): ask pthread.
        guard here < high, here > high - size else { return nil }
        return limit(low: high - size, high: high)
    }
}
