//! The host side of a run: the per-run heap, the operations compiled code
//! calls for anything beyond number arithmetic, the built-ins, and
//! `botContext`.
//!
//! Every operation returns a boxed value; on a JavaScript error it records
//! the error and returns [`value::EXCEPTION`], and the generated code returns
//! that sentinel up the stack (the return-flag protocol). Exhausting a limit
//! is not a JavaScript error: it traps the whole run.

use crate::date;
use crate::value::{self, EXCEPTION, FALSE, NULL, TRUE, UNDEFINED};
use cbot_host::{BotContext, Transcript, Value, number_to_string, string_to_number};
use std::cell::Cell;
use std::sync::Arc;

/// Operation codes shared with the compiler. The code says how many
/// operands an operation reads: below 40 two, 40–59 one, from 60 three
/// (lib.rs routes the single `op` import by these ranges).
pub(crate) mod op {
    // op2(a, b)
    pub const ADD: i32 = 1;
    pub const SUB: i32 = 2;
    pub const MUL: i32 = 3;
    pub const DIV: i32 = 4;
    pub const MOD: i32 = 5;
    pub const EQ: i32 = 6;
    pub const NE: i32 = 7;
    pub const SEQ: i32 = 8;
    pub const SNE: i32 = 9;
    pub const LT: i32 = 10;
    pub const GT: i32 = 11;
    pub const LE: i32 = 12;
    pub const GE: i32 = 13;
    pub const GET: i32 = 14;
    pub const PUSH: i32 = 15;
    pub const CALL_BUILTIN: i32 = 16;
    pub const BITAND: i32 = 17;
    pub const BITOR: i32 = 18;
    pub const BITXOR: i32 = 19;
    pub const SHL: i32 = 20;
    pub const SHR: i32 = 21;
    pub const USHR: i32 = 22;
    pub const IN: i32 = 23;
    pub const NEW: i32 = 24;
    pub const ENV_NEW: i32 = 25;
    pub const ENV_GET: i32 = 26;
    pub const MAKE_CLOSURE: i32 = 27;
    pub const FN_SLOT: i32 = 28;
    pub const INSTANCEOF: i32 = 29;
    pub const DELETE: i32 = 30;
    /// Re-entrant (may call JavaScript): handled by `calls.rs`.
    pub const CONSTRUCT: i32 = 31;
    /// A regex literal: (source, flags).
    pub const REGEXP: i32 = 32;
    /// `for … in`: whether key `b` is still on object `a` (true for
    /// anything that is not an object).
    pub const HAS_KEY: i32 = 33;
    /// `[a, b]`: a two-item array in one operation (argument lists and
    /// literals; see also ARRAY1 and ARRAY3).
    pub const ARRAY2: i32 = 34;
    /// The object of a method call `a.b(…)` is `undefined` or `null`: the
    /// TypeError of reading property `b` (ES5 §11.2.1 CheckObjectCoercible),
    /// before the arguments are evaluated. Emitted only on that path.
    pub const METHOD_BASE: i32 = 35;
    /// A chain of `+` (compile.rs `concat`): the first `+`, the ones in
    /// between, the last (`Host::concat`).
    pub const CAT_START: i32 = 36;
    pub const CAT_MORE: i32 = 37;
    pub const CAT_END: i32 = 38;
    // op1(a)
    pub const TYPEOF: i32 = 40;
    pub const NEG: i32 = 41;
    pub const TO_NUMBER: i32 = 42;
    pub const TRUTHY: i32 = 43;
    /// `[a]` in one operation.
    pub const ARRAY1: i32 = 44;
    pub const NEW_ARRAY: i32 = 45;
    pub const NEW_OBJECT: i32 = 46;
    pub const GLOBAL_GET: i32 = 47;
    pub const BITNOT: i32 = 50;
    pub const THROW: i32 = 51;
    pub const CATCH: i32 = 52;
    pub const KEYS: i32 = 53;
    pub const CLOSURE_ENV: i32 = 54;
    pub const GLOBAL_DELETE: i32 = 55;
    pub const GLOBAL_TYPEOF: i32 = 56;
    // op3(a, b, c)
    pub const SET: i32 = 60;
    pub const CALL_METHOD: i32 = 61;
    pub const GLOBAL_SET: i32 = 62;
    pub const PUT: i32 = 63;
    pub const ENV_SET: i32 = 64;
    /// Re-entrant: a call of a host function value (`F_NATIVE`).
    pub const CALL_NATIVE: i32 = 65;
    /// `get key() {…}` in an object literal: (object, key, function).
    pub const DEFINE_GETTER: i32 = 66;
    /// `set key(v) {…}` in an object literal: (object, key, function).
    pub const DEFINE_SETTER: i32 = 67;
    /// `[a, b, c]` in one operation.
    pub const ARRAY3: i32 = 68;
    /// `a.b(c)`: a method call with one argument, which needs no arguments
    /// array when the method is the host's (`botContext`'s, a built-in's).
    pub const CALL_METHOD1: i32 = 69;
    /// `a[b][c]`: two property reads in one operation.
    pub const GET2: i32 = 70;
    /// A step of a chain of `+` whose next operand is a string literal,
    /// taken with it: `CAT_MORE` of (a, b), then `CAT_MORE` of the literal
    /// `c` (compile.rs `concat`; the literal's evaluation has no effect, so
    /// converting `b` after it changes nothing).
    pub const CAT_MORE_LITERAL: i32 = 71;
    /// The same as the chain's last step: then `CAT_END` of the literal.
    pub const CAT_END_LITERAL: i32 = 72;
    // With an immediate `n`: `code | (n + 1) << 8` (lib.rs routes codes
    // from 256).
    /// A nest of object and array literals (`Host::trees` number `n`)
    /// whose values other than constants are `a`, `b` and `c` (at most
    /// three), made at once.
    pub const TREE: i32 = 4;
    /// `{k1: a, k2: b, k3: c}`: an object literal of key list `n`
    /// (`Host::shapes`) with its first three values (the rest ignored
    /// when the list is shorter).
    pub const OBJECT: i32 = 1;
    /// The next two values of an object literal of key list `n`: (object,
    /// a, b).
    pub const OBJECT_MORE: i32 = 2;
    /// `a[k1][k2]…[kn]` (n ≥ 3): the reads of key path `n` (`Host::paths`)
    /// from `a`, in one operation; the path's keys are constants or the
    /// operands `b` and `c`.
    pub const GET_PATH: i32 = 3;
}

/// References at or above this index are the program's constants
/// ([`Host::constants`]); below it, the run's heap.
pub(crate) const CONST_BASE: usize = 1 << 40;

/// Constructors `new` accepts in this version.
pub(crate) const CONSTRUCTORS: &[&str] = &[
    "Error",
    "TypeError",
    "RangeError",
    "SyntaxError",
    "ReferenceError",
    "EvalError",
    "URIError",
    "Object",
    "Array",
    "Date",
    "RegExp",
];

/// The name of built-in `b` (an index into [`BUILTINS`], made by the
/// compiler from that table); "" for any other number.
pub(crate) fn builtin_name(b: usize) -> &'static str {
    BUILTINS.get(b).copied().unwrap_or_default()
}

/// The name of constructor `c` (an index into [`CONSTRUCTORS`]); "" for any
/// other number.
pub(crate) fn constructor_name(c: usize) -> &'static str {
    CONSTRUCTORS.get(c).copied().unwrap_or_default()
}

/// Built-in globals the compiler resolves by name.
pub(crate) const BUILTINS: &[&str] = &[
    "Math",
    "JSON",
    "parseInt",
    "parseFloat",
    "isNaN",
    "isFinite",
    "String",
    "Number",
    "Boolean",
    "Array",
    "Object",
    "Date",
    "Error",
    "TypeError",
    "RangeError",
    "SyntaxError",
    "ReferenceError",
    "EvalError",
    "URIError",
    "Function",
    "encodeURIComponent",
    "decodeURIComponent",
    "encodeURI",
    "decodeURI",
    "RegExp",
    "escape",
    "unescape",
];

/// Each function's `name` and `length`, by table slot − 1.
pub(crate) type FnInfo = Arc<[(Arc<str>, u32)]>;

/// The most transcript entries `Host::clear` reserves for the next run.
const TRANSCRIPT_HINT_MAX: usize = 64;

/// A program's object literal key lists (`op::OBJECT`), by index.
pub(crate) type Shapes = Arc<[Shape]>;

/// An object literal's key list and what each literal of it costs: worked
/// out once, not on every literal (`Host::op_with`).
#[derive(Debug, Clone)]
pub(crate) struct Shape {
    pub keys: Arc<[Arc<str>]>,
    /// The heap quota charge of one object of these keys.
    pub bytes: usize,
    /// Whether a key converts through script code (`conversion_key`).
    pub converts: bool,
}

impl Shape {
    pub(crate) fn new(keys: Arc<[Arc<str>]>) -> Shape {
        let bytes = keys.iter().map(|k| 24 + k.len()).sum();
        let converts = keys.iter().any(|k| conversion_key(k));
        Shape { keys, bytes, converts }
    }
}

/// A plain object's properties, in order (`Obj::Object`).
pub(crate) type Props = Vec<(Arc<str>, i64)>;

/// One key of a read path (`op::GET_PATH`): a constant (a string constant's
/// reference or a number), or the operation's operand `b` or `c`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum PathKey {
    Const(i64),
    B,
    C,
}

impl PathKey {
    /// The key's value in an operation with operands `b`, `c`.
    fn value(self, b: i64, c: i64) -> i64 {
        match self {
            PathKey::Const(k) => k,
            PathKey::B => b,
            PathKey::C => c,
        }
    }
}

/// The most keys a read path has (the compiler's `MAX_PATH`).
pub(crate) const PATH_MAX: usize = 8;

/// A program's read paths (`op::GET_PATH`), by index.
pub(crate) type Paths = Arc<[Arc<[PathKey]>]>;

/// A nest of object and array literals made in one operation (`op::TREE`,
/// compile.rs `tree_literal`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tree {
    /// Its literals, each one's children before it, the outermost last.
    pub nodes: Box<[TreeNode]>,
    /// Its JSON text as `JSON.stringify` writes it while the nest is as
    /// made, around its operands' values (one piece more than operands;
    /// `None` when a key is `toJSON`): calls.rs `Plain::nest`.
    pub json: Option<Box<[Box<str>]>>,
    /// The members of its objects and arrays, and the work a search of
    /// each of its objects counts (`Host::lookup`): what `JSON.stringify`
    /// pays for it (`Plain::nest`, as the member by member writer).
    pub members: u64,
    pub work: u64,
}

/// An object literal of a key list (`Host::shapes`) or an array literal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TreeNode {
    Object(u32, Box<[TreeSlot]>),
    Array(Box<[TreeSlot]>),
}

/// A value in a [`TreeNode`]: operand `a`, `b` or `c` of the operation
/// (the literal's values that are not constants, evaluated before it), a
/// constant (a string constant's reference, a number, a boolean, `null`),
/// or an earlier node of the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TreeSlot {
    Operand(u8),
    Const(i64),
    Node(u32),
}

/// The literal nests of a program (`op::TREE`), by index.
pub(crate) type Trees = Arc<[Tree]>;

/// The most literals a nest has (compile.rs `tree_node`).
pub(crate) const TREE_NODES_MAX: usize = 16;

/// What a program's runs look up by index or name: made by the compiler,
/// shared by every session of the program.
#[derive(Debug, Clone, Default)]
pub(crate) struct Tables {
    /// Each function's `name` and `length`, by table slot − 1.
    pub fn_info: FnInfo,
    /// Object literal key lists (`op::OBJECT`).
    pub shapes: Shapes,
    /// The string constants as a set (`Host::key_name`).
    pub names: Names,
    /// Read paths (`op::GET_PATH`).
    pub paths: Paths,
    /// Nests of literals (`op::TREE`).
    pub trees: Trees,
    /// The `botContext` method each constant names, by constant index
    /// (`Host::constants`): a call `botContext.m(…)` finds its method
    /// without looking the name up.
    pub bot_methods: Methods,
}

/// [`Tables::bot_methods`].
pub(crate) type Methods = Arc<[Option<&'static cbot_host::Method>]>;

/// A program's string constants as a set, so that names imported from host
/// values are the program's own (`Host::key_name`): a read with a constant
/// name then finds its property by pointer.
pub(crate) type Names = Arc<rustc_hash::FxHashSet<Arc<str>>>;

/// A JavaScript function object.
#[derive(Debug, Clone)]
pub(crate) struct Func {
    /// Its slot in the module's function table.
    pub slot: u32,
    /// The environment it closes over (`undefined` for none).
    pub env: i64,
    /// Properties (`prototype` once asked for, and whatever scripts add).
    pub props: Vec<(Arc<str>, i64)>,
}

/// A string value's text. `Shared` text is the program's (literals) or
/// the host's (imported values) and costs nothing to take in or hand out;
/// `Owned` text is what a run made (a chain of `+`, a number's string
/// form, `JSON.stringify`), kept in the buffer it was built in: no copy
/// into an `Arc` when it is made, and the buffer is reused by a later
/// run's strings (`Host::recycle_heap`, `Host::take_builder`). It becomes
/// `Shared` when it is handed out (`Host::share`).
#[derive(Debug, Clone)]
pub(crate) enum Text {
    Shared(Arc<str>),
    Owned(String),
}

impl std::ops::Deref for Text {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        match self {
            Text::Shared(s) => s,
            Text::Owned(s) => s,
        }
    }
}

impl Text {
    /// The text as an `Arc` (a copy for `Owned` text).
    pub(crate) fn to_arc(&self) -> Arc<str> {
        match self {
            Text::Shared(s) => s.clone(),
            Text::Owned(s) => Arc::from(s.as_str()),
        }
    }
}

impl From<Arc<str>> for Text {
    fn from(s: Arc<str>) -> Self {
        Text::Shared(s)
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Text::Owned(s)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::Owned(s.to_owned())
    }
}

#[derive(Debug, Clone)]
pub(crate) enum Obj {
    Str(Text),
    Arr(Vec<i64>),
    /// A plain object: properties in insertion order, and the prototype
    /// (`undefined` for Object.prototype, which has no own data here).
    Object(Vec<(Arc<str>, i64)>, i64),
    Function(Box<Func>),
    /// A function's captured variables: slot 0 links to the enclosing
    /// environment (see scope.rs).
    Env(Vec<i64>),
    /// `f.bind(this, args…)`: called through the native slot (calls.rs).
    Bound {
        target: i64,
        this: i64,
        args: Vec<i64>,
    },
    BotContext,
    Builtin(usize),
    /// An error object: `name` and `message` (writable, not enumerable)
    /// and whatever properties scripts add (`e.code = 402`).
    Error(Box<ErrorObj>),
    /// A Date: milliseconds since the epoch (NaN for an invalid date).
    /// Offline, local time is UTC.
    Date(f64),
    RegExp(Box<crate::regexp::RegExpObj>),
    /// A built-in's `prototype` (`Array.prototype`), by BUILTINS index: its
    /// methods can be read as values (`Array.prototype.slice.call(…)`).
    Proto(usize),
    /// A built-in method read as a value (`"".trim`, `Math.max`): called on
    /// its `this`, or on `ns` when that is a namespace (not `undefined`).
    Method {
        ns: i64,
        name: Arc<str>,
    },
    /// An accessor property's functions (ES5 §8.6.1), stored as the
    /// property's value: reads and writes through the operations call them
    /// (calls.rs); `undefined` for a missing half.
    Accessor {
        get: i64,
        set: i64,
    },
    /// The prototype of a host object with Java-style methods (CB's
    /// `getUserLocation()`, entities, context-service maps): see
    /// `Host::host_object`.
    HostClass(&'static str),
}

/// The methods of each host object class (JS-USAGE §3.1).
pub(crate) fn host_class_methods(class: &str) -> &'static [&'static str] {
    match class {
        "Location" => &["getCityName", "getState", "getZipCode", "getLatitude", "getLongitude", "toString"],
        "Entity" => &["getName", "getPhrase", "getDataValue", "toString"],
        "HashMap" => &["containsKey", "get", "isEmpty", "keySet", "size", "toString", "values"],
        _ => &[],
    }
}

/// Property attribute flags (`Host::attrs`): not enumerable, not writable,
/// not configurable; on the object itself, not extensible.
const ATTR_HIDDEN: u8 = 1;
const ATTR_READONLY: u8 = 2;
const ATTR_FIXED: u8 = 4;
const ATTR_SEALED: u8 = 8;

/// The constant reference of a built-in (`parseFloat`, `Math`, …).
pub(crate) fn builtin_ref(name: &str) -> i64 {
    let i = BUILTINS.iter().position(|b| *b == name).unwrap_or(0);
    value::reference(CONST_BASE + 1 + i)
}

/// The constant reference of a built-in's prototype object.
pub(crate) fn proto_ref(builtin: &str) -> i64 {
    let i = PROTOTYPES.iter().position(|p| *p == builtin).unwrap_or(0);
    value::reference(CONST_BASE + 1 + BUILTINS.len() + i)
}

/// The internal name of `Object.prototype.toString` read as a value:
/// `Object.prototype.toString.call(x)` gives `[object Class]`.
pub(crate) const OBJECT_TO_STRING: &str = "#objectToString";

/// The built-ins with a readable `prototype`.
pub(crate) const PROTOTYPES: &[&str] = &[
    "Object",
    "Array",
    "String",
    "Number",
    "Boolean",
    "Date",
    "RegExp",
    "Function",
    "Error",
    "TypeError",
    "RangeError",
    "SyntaxError",
    "ReferenceError",
    "EvalError",
    "URIError",
];

/// The methods of each built-in's prototype that scripts can read as values.
pub(crate) fn proto_methods(kind: &str) -> &'static [&'static str] {
    const OBJECT: &[&str] =
        &["hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "toString", "valueOf"];
    match kind {
        "Object" => OBJECT,
        "Array" => &[
            "concat",
            "every",
            "filter",
            "find",
            "findIndex",
            "forEach",
            "includes",
            "indexOf",
            "join",
            "lastIndexOf",
            "map",
            "pop",
            "push",
            "reduce",
            "reduceRight",
            "reverse",
            "shift",
            "slice",
            "some",
            "sort",
            "splice",
            "toString",
            "unshift",
            "hasOwnProperty",
        ],
        "String" => &[
            "charAt",
            "charCodeAt",
            "codePointAt",
            "concat",
            "endsWith",
            "includes",
            "indexOf",
            "lastIndexOf",
            "localeCompare",
            "match",
            "padEnd",
            "padStart",
            "repeat",
            "replace",
            "replaceAll",
            "search",
            "slice",
            "split",
            "startsWith",
            "substr",
            "substring",
            "toLowerCase",
            "toLocaleLowerCase",
            "toUpperCase",
            "toLocaleUpperCase",
            "toString",
            "trim",
            "trimEnd",
            "trimLeft",
            "trimRight",
            "trimStart",
            "valueOf",
        ],
        "Number" => &["toExponential", "toFixed", "toLocaleString", "toPrecision", "toString", "valueOf"],
        "Boolean" => &["toString", "valueOf"],
        "RegExp" => &["exec", "test", "toString"],
        "Function" => &["apply", "bind", "call", "toString"],
        "Error" | "TypeError" | "RangeError" | "SyntaxError" | "ReferenceError" | "EvalError" | "URIError" => {
            &["toString"]
        }
        "Date" => &[
            "getDate",
            "getDay",
            "getFullYear",
            "getHours",
            "getMilliseconds",
            "getMinutes",
            "getMonth",
            "getSeconds",
            "getTime",
            "getTimezoneOffset",
            "getUTCDate",
            "getUTCDay",
            "getUTCFullYear",
            "getUTCHours",
            "getUTCMilliseconds",
            "getUTCMinutes",
            "getUTCMonth",
            "getUTCSeconds",
            "setDate",
            "setFullYear",
            "setHours",
            "setMilliseconds",
            "setMinutes",
            "setMonth",
            "setSeconds",
            "setTime",
            "setUTCDate",
            "setUTCFullYear",
            "setUTCHours",
            "setUTCMilliseconds",
            "setUTCMinutes",
            "setUTCMonth",
            "setUTCSeconds",
            "toDateString",
            "toISOString",
            "toJSON",
            "toLocaleDateString",
            "toLocaleString",
            "toLocaleTimeString",
            "toString",
            "toTimeString",
            "toUTCString",
            "valueOf",
        ],
        _ => &[],
    }
}

/// The functions of each built-in namespace (`Math.max`, `Object.keys`).
pub(crate) fn builtin_statics(ns: &str) -> &'static [&'static str] {
    match ns {
        "Math" => &[
            "abs", "acos", "acosh", "asin", "asinh", "atan", "atan2", "atanh", "cbrt", "ceil", "clz32", "cos", "cosh",
            "exp", "expm1", "floor", "fround", "hypot", "imul", "log", "log10", "log1p", "log2", "max", "min", "pow",
            "random", "round", "sign", "sin", "sinh", "sqrt", "tan", "tanh", "trunc",
        ],
        "JSON" => &["parse", "stringify"],
        "Object" => &[
            "assign",
            "create",
            "defineProperties",
            "defineProperty",
            "entries",
            "freeze",
            "getOwnPropertyDescriptor",
            "getOwnPropertyNames",
            "getPrototypeOf",
            "isExtensible",
            "isFrozen",
            "isSealed",
            "keys",
            "preventExtensions",
            "seal",
            "values",
        ],
        "Array" => &["isArray"],
        "Date" => &["now", "parse", "UTC"],
        "String" => &["fromCharCode"],
        "Number" => &["isFinite", "isInteger", "isNaN", "isSafeInteger", "parseFloat", "parseInt"],
        _ => &[],
    }
}

/// The data of an error object.
#[derive(Debug, Clone)]
pub(crate) struct ErrorObj {
    pub name: Arc<str>,
    pub message: Arc<str>,
    pub props: Vec<(Arc<str>, i64)>,
}

impl ErrorObj {
    fn new(name: impl Into<Arc<str>>, message: impl Into<Arc<str>>) -> Box<ErrorObj> {
        Box::new(ErrorObj { name: name.into(), message: message.into(), props: Vec::new() })
    }
}

/// What a run may use (see [`crate::Limits`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct HeapLimit(pub usize);

/// A JavaScript error thrown during a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsError {
    /// `TypeError`, `ReferenceError`, `RangeError`, `SyntaxError` or `Error`.
    pub name: String,
    /// The message.
    pub message: String,
}

/// A `botContext` implementation the run can hand back as its own type.
pub(crate) trait Ctx: BotContext + Send {
    fn into_any(self: Box<Self>) -> Box<dyn std::any::Any>;
}

impl<T: BotContext + Send + 'static> Ctx for T {
    fn into_any(self: Box<Self>) -> Box<dyn std::any::Any> {
        self
    }
}

/// The store data of one run.
pub(crate) struct Host {
    /// The context of the current run (`None` between runs of a session).
    pub ctx: Option<Box<dyn Ctx>>,
    pub transcript: Transcript,
    heap: Vec<Obj>,
    /// Shared read-only objects, at references from `CONST_BASE` on.
    consts: Arc<[Obj]>,
    /// Bytes charged to the heap quota so far (a `Cell`: conversions that
    /// make temporary text charge it too, see `charge_text`).
    heap_bytes: Cell<usize>,
    heap_limit: usize,
    strings: Arc<[Arc<str>]>,
    globals: Vec<(Arc<str>, i64)>,
    pub error: Option<JsError>,
    /// The value a `throw` statement threw (host errors have none until a
    /// `catch` turns them into error objects).
    thrown: Option<i64>,
    /// The clock reading for this run (`new Date()`, `Date.now()`).
    now_ms: Option<f64>,
    /// Where the reading comes from: read on first use, so runs that never
    /// look at the time do not pay for it.
    clock: Option<crate::Clock>,
    /// The module's `call` export, through which the host calls JavaScript
    /// functions (set once the instance exists).
    pub dispatch: Option<wasmtime::TypedFunc<(i64, i64, i64, i32), i64>>,
    /// `Math.random`'s state (SplitMix64; seeded by the session).
    pub rng: u64,
    /// Set when the heap quota is exceeded; turned into a trap by the caller.
    pub heap_exceeded: bool,
    /// The program's compiled regular expressions (shared by its runs).
    pub(crate) regexes: Arc<crate::regexp::RegexCache>,
    /// Named properties of arrays (`index`/`input` of a match, or whatever
    /// a script stores), by heap slot: rare, so kept out of `Obj::Arr`.
    arr_props: std::collections::HashMap<usize, Vec<(Arc<str>, i64)>>,
    /// Built-in methods read as values this run (see `method_value`).
    methods: std::collections::HashMap<(i64, Arc<str>), i64>,
    /// Set by `sendImmediateReply`: the run ends after this operation.
    pub stop: bool,
    /// Property attributes that differ from the default (writable,
    /// enumerable, configurable), by heap slot and key; the key "" holds the
    /// object's own flags (not extensible). Set only by defineProperty,
    /// freeze, seal and preventExtensions, so almost always empty.
    attrs: std::collections::HashMap<usize, Vec<(Arc<str>, u8)>>,
    /// Local time for Date: a fixed offset in minutes east of UTC (0 = UTC,
    /// the offline default; `Engine::set_time_zone`).
    pub(crate) tz: i32,
    /// Property names imported from host values, shared by every object
    /// that has them (a catalogue's hundred `"id"` keys are one string).
    /// Kept across the runs of a session: names are immutable.
    key_names: rustc_hash::FxHashSet<Arc<str>>,
    /// The last shared name met at each slot (`key_slot`, `key_name`).
    key_slots: Box<[Option<Arc<str>>]>,
    /// Each function's `name` and `length`, by table slot − 1 (compiler).
    fn_info: Arc<[(Arc<str>, u32)]>,
    /// Object literal key lists (`op::OBJECT`).
    shapes: Shapes,
    names: Names,
    /// Read paths (`op::GET_PATH`).
    paths: Paths,
    /// Nests of literals (`op::TREE`; `None` only while `Host::tree` uses
    /// them).
    trees: Option<Trees>,
    /// [`Tables::bot_methods`].
    bot_methods: Methods,
    /// Whether this run has made an accessor property: until it has, no
    /// read or write looks for one.
    pub(crate) accessors: bool,
    /// Whether this run has written a property named `toString` or
    /// `valueOf` (`note_key`): until it has, no object can convert through
    /// script code, so property keys are not checked for it (lib.rs).
    pub(crate) key_conversions: bool,
    /// Properties scripts added to built-in prototypes this run, by
    /// BUILTINS index (polyfills such as `String.prototype.format = …`).
    proto_props: Vec<(usize, Arc<str>, i64)>,
    /// Host work done since it was last paid for in fuel (`crate::settle`):
    /// bytes scanned, properties searched, regex steps (see `spend`).
    pub(crate) work: Cell<u64>,
    /// How much work the host may do before the run is out of fuel, as of
    /// the last settlement (`crate::settle`).
    pub(crate) work_left: u64,
    /// A limit the host ran into; the run traps after this operation.
    pub(crate) tripped: Cell<Option<crate::Limit>>,
    /// The `work` at which an operation's end settles (`crate::host_op`):
    /// `crate::SETTLE_EVERY`, or 0 once the run must stop (a limit, the
    /// heap quota, `sendImmediateReply`), so that every operation's end
    /// checks one number instead of four.
    pub(crate) settle_at: Cell<u64>,
    /// `botContext` calls this run, and how many it may make.
    calls: u32,
    call_limit: u32,
    /// Bytes of values this run handed to `botContext` (they outlive it).
    pub(crate) handed: usize,
    /// The last string whose UTF-16 length was measured: scripts index the
    /// same string in a loop (`for (…; i < s.length; i++) s.charCodeAt(i)`),
    /// and measuring it each time would make that loop quadratic. The
    /// `Arc` is held, so the pointer cannot be reused by another string.
    measured: Option<(Arc<str>, Utf16Len)>,
    /// The emptied property and item buffers of earlier runs' objects and
    /// arrays, which new ones take before asking the allocator: a run of
    /// an object-heavy panel makes hundreds, and allocating and freeing
    /// each was a fifth of its time on glibc's allocator (benches/
    /// RESULTS.md, session 13). Only small ones are kept (`SPARE_CAP`,
    /// `SPARES_MAX`), so what a session holds on to stays bounded.
    spare_props: Vec<Props>,
    spare_items: Vec<Vec<i64>>,
    /// The property buffers of earlier runs' object literals, by shape
    /// (`op::OBJECT`), with the shape's names still in them: the next
    /// literal of that shape writes only its values. Each name is an `Arc`,
    /// and cloning it for every literal and dropping it at the end of the
    /// run (an atomic increment and decrement on a line of memory nothing
    /// else touches) was a tenth of an object-heavy panel's time (benches/
    /// RESULTS.md, session 14). Only buffers whose names are exactly their
    /// shape's are kept, so they hold nothing the program does not.
    shaped_spares: Vec<Vec<Props>>,
    /// How many buffers `shaped_spares` holds (at most `SPARES_MAX`).
    shaped_count: usize,
    /// The literals this run made (`op::OBJECT`): heap slot and shape.
    literals: Vec<(u32, u32)>,
    /// The nests of literals this run made whose JSON text the program
    /// knows (`Tree::json`): heap slot of the outermost, nest.
    nests: Vec<(u32, u32)>,
    /// The property buffers of earlier runs' imported objects (`import`:
    /// bot variables, API results), names kept, by `names_bucket` of their
    /// names: the next import of an object with the same names in the same
    /// order (the next run reading the same variable) writes only values.
    /// Names longer than `KEY_NAME_MAX` are not kept, so what this holds
    /// stays bounded (`IMPORTED_MAX` buffers).
    imported_spares: Vec<Vec<Props>>,
    imported_count: usize,
    /// The objects this run imported, by heap slot, with the
    /// `imported_spares` bucket of the names they were imported with.
    imported: Vec<(u32, u8)>,
    /// Property names as `JSON.stringify` writes them (`"name":`), by the
    /// name's address (`QuotedNames`).
    pub(crate) quoted: QuotedNames,
    /// `JSON.stringify`'s output buffer and its stack of containers being
    /// written, kept between calls (and runs): the output grows to the
    /// usual size once, not by doubling in every run, as it did in a
    /// buffer shared with the chains of `+`.
    pub(crate) json_out: String,
    pub(crate) json_stack: Vec<i64>,
    /// The strings chains of `+` are building, innermost last
    /// (`Host::concat`).
    builders: Vec<String>,
    /// Emptied string buffers to build strings in (`take_builder`): those
    /// of chains of `+` and of the `Owned` strings earlier runs made
    /// (`recycle_heap`), no more than `TEXT_SPARE_BYTES` of them.
    spare_builders: Vec<String>,
    spare_text_bytes: usize,
    /// The heap's kept import (`Region`): slots `0..len` at a run's start.
    region: Option<Region>,
    /// Whether this run's first import of the region's value took it.
    region_taken: bool,
    /// This run's first big import of a container (`Candidate`).
    candidate: Option<Candidate>,
    /// The value of the previous run's candidate: a value imported by two
    /// runs in a row becomes the region (`keep_region`).
    candidate_before: Option<Value>,
}

/// What a big host value imported into the heap is kept as between runs,
/// at the bottom of the heap: a bot that reads the same stored object
/// every turn (`getBotVariable("products")`: the panels of shopify-bot)
/// gets it without importing and clearing it again. The run's first
/// import of the same value (the same shared container, `same_container`)
/// takes the region's objects instead of new ones; a later import of it
/// in the run makes new objects, as always (each import is a new object).
/// After a run that took it, the region is kept only if every slot is
/// still as imported (`snapshot`); if anything changed (a property set,
/// added or deleted, an item pushed, an accessor defined) its slots are
/// recycled with the rest. What lives beside the slots (attributes,
/// arrays' named properties) is cleared after every run anyway. A region
/// no run took stays as it is: nothing can reach it (the only reference to
/// it is the one an import hands out). The host holds on to the value until
/// another takes its place or the store is dropped.
struct Region {
    /// The imported value (shared: a clone of the host's `Arc`).
    source: Value,
    /// The slots' contents right after the import (refs within the
    /// region), what the region is checked against.
    snapshot: Vec<Obj>,
    /// The heap quota the import charged, charged again when a run takes it.
    bytes: usize,
}

/// A run's first big import of a container: the value, its slots
/// (`start..end`, the root last) and the heap quota it charged.
struct Candidate {
    source: Value,
    start: usize,
    end: usize,
    bytes: usize,
}

/// What `Host::keep_region` keeps of the heap: its bottom `n` slots, or
/// these objects, to go to the bottom of the emptied heap.
enum Kept {
    Bottom(usize),
    Moved(Vec<Obj>),
}

/// Whether `a` and `b` are the same shared array or object (not merely
/// equal: a value's containers are never changed while shared).
fn same_container(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Array(x), Value::Array(y)) => Arc::ptr_eq(x, y),
        (Value::Object(x), Value::Object(y)) => Arc::ptr_eq(x, y),
        _ => false,
    }
}

/// Whether a region slot is as its snapshot (`Region`): the same text,
/// items, or names (by pointer), values and prototype.
fn same_obj((have, was): (&Obj, &Obj)) -> bool {
    match (have, was) {
        (Obj::Str(Text::Shared(a)), Obj::Str(Text::Shared(b))) => Arc::ptr_eq(a, b),
        (Obj::Arr(a), Obj::Arr(b)) => a == b,
        (Obj::Object(a, pa), Obj::Object(b, pb)) => {
            pa == pb && a.len() == b.len() && a.iter().zip(b).all(|(x, y)| Arc::ptr_eq(&x.0, &y.0) && x.1 == y.1)
        }
        _ => false,
    }
}

/// The fewest heap slots an import must fill to become a `Candidate`.
const REGION_MIN_SLOTS: usize = 16;

/// How much string buffer capacity a host keeps for reuse between runs
/// (`Host::give_builder`), so that what a session holds on to stays bounded.
const TEXT_SPARE_BYTES: usize = 1 << 18;

/// The largest string buffer kept for reuse (`Host::give_builder`,
/// `JSON.stringify`'s output): a big result does not pin its memory.
pub(crate) const BUFFER_KEPT_MAX: usize = 1 << 16;

/// The tag of a chain-of-`+` marker (`Host::concat`): a value only the
/// next step of the same chain sees, never stored or returned (no value
/// tag of value.rs uses 0xFFFE).
const CAT_MARK: i64 = (0xFFFEu64 << 48) as i64;

/// A buffer for `n` entries from a pool of spares (`Host::spare_props`),
/// or a new one.
fn take_spare<T>(pool: &mut Vec<Vec<T>>, n: usize) -> Vec<T> {
    match pool.pop() {
        Some(mut v) => {
            v.reserve(n);
            v
        }
        None => Vec::with_capacity(n),
    }
}

/// Keeps a buffer, emptied, in a pool of spares unless it or the pool is
/// too big (`SPARE_CAP`, `SPARES_MAX`).
fn keep_spare<T>(pool: &mut Vec<Vec<T>>, mut v: Vec<T>) {
    if (1..=SPARE_CAP).contains(&v.capacity()) && pool.len() < SPARES_MAX {
        v.clear();
        pool.push(v);
    }
}

/// Property names quoted for JSON (`"name":`), in a small table by the
/// name's address: `JSON.stringify` of objects made by the same literals
/// or imports writes the same few names, which share one `Arc` each
/// (`key_name`, the program's constants), again and again. An entry holds
/// its name, so the address cannot be reused by another while it is there;
/// names longer than `KEY_NAME_MAX` are not kept.
#[derive(Default)]
pub(crate) struct QuotedNames {
    slots: Vec<Option<(Arc<str>, Box<str>)>>,
}

impl QuotedNames {
    const SLOTS: usize = 256;

    /// Appends `"name":` to `out`.
    pub(crate) fn write(&mut self, out: &mut String, name: &Arc<str>) {
        if name.len() > KEY_NAME_MAX {
            crate::calls::json::quote_into(out, name);
            out.push(':');
            return;
        }
        if self.slots.is_empty() {
            self.slots.resize(Self::SLOTS, None);
        }
        // By the address, Fibonacci-hashed: its low bits are alignment and
        // the allocator spaces small names evenly, so the address's own bits
        // would leave slots unused and make names that often meet collide
        // (seen once as a 30 % slower JSON.stringify after an unrelated
        // change moved the program's names).
        let at = (Arc::as_ptr(name).cast::<u8>().addr() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 56;
        let at = at as usize % Self::SLOTS;
        let Some(slot) = self.slots.get_mut(at) else { return };
        match slot {
            Some((held, quoted)) if Arc::ptr_eq(held, name) => out.push_str(quoted),
            _ => {
                let mut quoted = String::with_capacity(name.len() + 3);
                crate::calls::json::quote_into(&mut quoted, name);
                quoted.push(':');
                out.push_str(&quoted);
                *slot = Some((name.clone(), quoted.into_boxed_str()));
            }
        }
    }
}

/// How many buckets `Host::imported_spares` has, and how many buffers it
/// keeps in all.
const NAME_BUCKETS: usize = 64;
const IMPORTED_MAX: usize = 512;

/// The `Host::imported_spares` bucket of an object's names: its number of
/// names and its first and last name.
fn names_bucket(n: usize, first: &str, last: &str) -> usize {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    n.hash(&mut h);
    first.hash(&mut h);
    last.hash(&mut h);
    (h.finish() % NAME_BUCKETS as u64) as usize
}

/// The value of an object literal's property until the operation that
/// writes it runs (`Host::op_with`): never seen by script code (no value
/// tag of value.rs uses 0xFFFF).
const UNFILLED: i64 = (0xFFFFu64 << 48) as i64;

/// Whether `+` with operand `v` (not converted by script code) makes a
/// string: `v` is a string or an object, a heap value (ES5 §11.6.1: an
/// object's ToPrimitive is its string form, unless script code converts
/// it, which calls.rs `op2` does first).
fn concatenates(v: i64) -> bool {
    value::as_reference(v).is_some()
}

/// The builder a chain-of-`+` marker stands for.
fn cat_depth(v: i64) -> Option<usize> {
    (v & !((1 << 48) - 1) == CAT_MARK).then_some((v & ((1 << 48) - 1)) as usize)
}

/// The largest buffer kept for reuse, in entries, and how many of each
/// kind are kept: at most 2,048 × 32 × 24 bytes (1.5 MiB) of properties
/// and half that of items.
const SPARE_CAP: usize = 32;
const SPARES_MAX: usize = 2048;

/// A string's length in UTF-16 code units, and whether it is all ASCII
/// (then a code unit index is a byte index).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Utf16Len {
    pub units: usize,
    pub ascii: bool,
}

/// How many distinct imported property names a host keeps shared.
const KEY_NAMES_MAX: usize = 4096;
/// The longest name `Host::key_names` and `Host::imported_spares` keep.
const KEY_NAME_MAX: usize = 64;
/// Slots of the cache in front of the shared names
/// (`Host::key_name`).
const KEY_SLOTS: usize = 1 << KEY_SLOT_BITS;
const KEY_SLOT_BITS: u32 = 9;

/// How deep arrays inside arrays may be for the host to turn them into
/// text (as deep as `JSON.parse` reads).
pub(crate) const MAX_JOIN_DEPTH: usize = 512;

/// Host work units one member costs when the host walks a value (joining
/// an array, copying a value out of the script): about what the visit
/// takes next to scanning one byte.
pub(crate) const VISIT_WORK: u64 = 16;

pub(crate) fn number_value(v: i64) -> Option<f64> {
    value::is_number(v).then(|| value::as_number(v))
}

/// Whether a property named `k` can make its object convert through script
/// code (`Host::user_conversion`).
fn conversion_key(k: &str) -> bool {
    // `join`: what an array's toString calls (ES5 §15.4.4.2).
    matches!(k, "toString" | "valueOf" | "join")
}

/// The `Host::key_slots` slot of a property name: its length and its
/// first and last eight bytes (fewer for a short name), Fibonacci-hashed.
/// Names that share those only share a slot (the lookup compares texts).
fn key_slot(k: &[u8]) -> usize {
    let (a, b) = match (k.first_chunk::<8>(), k.last_chunk::<8>()) {
        (Some(a), Some(b)) => (u64::from_le_bytes(*a), u64::from_le_bytes(*b)),
        _ => match (k.first_chunk::<4>(), k.last_chunk::<4>()) {
            (Some(a), Some(b)) => (u64::from(u32::from_le_bytes(*a)), u64::from(u32::from_le_bytes(*b))),
            _ => (k.iter().fold(0, |h, &c| h << 8 | u64::from(c)), 0),
        },
    };
    let h = a ^ b.rotate_left(29) ^ (k.len() as u64).rotate_left(59);
    (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - KEY_SLOT_BITS)) as usize
}

impl Host {
    /// The constant objects of a program, which the compiler refers to by
    /// reference (`CONST_BASE + i`): `botContext`, each built-in, then each
    /// string literal. Made once per program and shared by its runs, so a
    /// string literal costs no allocation (strings are immutable).
    pub fn constants(strings: &[Arc<str>]) -> Arc<[Obj]> {
        let mut c = Vec::with_capacity(1 + BUILTINS.len() + PROTOTYPES.len() + strings.len());
        c.push(Obj::BotContext);
        c.extend((0..BUILTINS.len()).map(Obj::Builtin));
        // One object per built-in prototype, so `Object.getPrototypeOf({})
        // === Object.prototype`.
        c.extend(PROTOTYPES.iter().map(|p| Obj::Proto(BUILTINS.iter().position(|b| b == p).unwrap_or(0))));
        c.extend(strings.iter().map(|s| Obj::Str(Text::Shared(s.clone()))));
        c.into()
    }

    /// [`Tables::bot_methods`] of constants `consts`.
    pub fn constant_methods(consts: &[Obj]) -> Methods {
        consts
            .iter()
            .map(|c| match c {
                Obj::Str(s) => cbot_host::method(s),
                _ => None,
            })
            .collect()
    }

    pub fn new(
        ctx: Option<Box<dyn Ctx>>,
        strings: Arc<[Arc<str>]>,
        consts: Arc<[Obj]>,
        regexes: Arc<crate::regexp::RegexCache>,
        Tables { fn_info, shapes, names, paths, trees, bot_methods }: Tables,
        heap_limit: HeapLimit,
        call_limit: u32,
    ) -> Host {
        Host {
            ctx,
            transcript: Transcript::default(),
            heap: Vec::new(),
            consts,
            heap_bytes: Cell::new(0),
            heap_limit: heap_limit.0,
            strings,
            globals: Vec::new(),
            error: None,
            thrown: None,
            now_ms: None,
            clock: None,
            dispatch: None,
            rng: 0,
            heap_exceeded: false,
            regexes,
            arr_props: std::collections::HashMap::new(),
            methods: std::collections::HashMap::new(),
            tz: 0,
            stop: false,
            attrs: std::collections::HashMap::new(),
            key_names: rustc_hash::FxHashSet::default(),
            key_slots: Box::default(),
            fn_info,
            shapes,
            names,
            paths,
            trees: Some(trees),
            bot_methods,
            proto_props: Vec::new(),
            accessors: false,
            key_conversions: false,
            work: Cell::new(0),
            work_left: u64::MAX,
            tripped: Cell::new(None),
            settle_at: Cell::new(crate::SETTLE_EVERY),
            calls: 0,
            call_limit,
            handed: 0,
            measured: None,
            spare_props: Vec::new(),
            shaped_spares: Vec::new(),
            shaped_count: 0,
            literals: Vec::new(),
            nests: Vec::new(),
            imported_spares: Vec::new(),
            imported_count: 0,
            imported: Vec::new(),
            quoted: QuotedNames::default(),
            json_out: String::new(),
            json_stack: Vec::new(),
            spare_items: Vec::new(),
            builders: Vec::new(),
            spare_builders: Vec::new(),
            spare_text_bytes: 0,
            region: None,
            region_taken: false,
            candidate: None,
            candidate_before: None,
        }
    }

    /// A property buffer for an object of `n` properties: a spare one if
    /// there is one (see `spare_props`).
    pub(crate) fn props_buf(&mut self, n: usize) -> Vec<(Arc<str>, i64)> {
        take_spare(&mut self.spare_props, n)
    }

    /// An item buffer for an array of `n` items (see `props_buf`).
    pub(crate) fn items_buf(&mut self, n: usize) -> Vec<i64> {
        take_spare(&mut self.spare_items, n)
    }

    /// `items` in an item buffer (`items_buf`): an array literal's, or a
    /// call's arguments (see `call_method_with`).
    pub(crate) fn items_from(&mut self, items: &[i64]) -> Vec<i64> {
        let mut buf = self.items_buf(items.len());
        buf.extend_from_slice(items);
        buf
    }

    /// Records `units` of host work, to be paid in fuel after the operation.
    pub(crate) fn add_work(&self, units: u64) {
        self.work.set(self.work.get().saturating_add(units));
    }

    /// Records `units` of host work about to be done; `false` (and the run
    /// trapped at the fuel limit after this operation) when the fuel left
    /// cannot pay for it, so that the caller can stop before doing it.
    pub(crate) fn spend(&self, units: u64) -> bool {
        self.add_work(units);
        if self.work.get() > self.work_left {
            self.trip(crate::Limit::Fuel);
        }
        self.tripped.get().is_none()
    }

    /// Ends the run at `limit` after this operation.
    pub(crate) fn trip(&self, limit: crate::Limit) {
        if self.tripped.get().is_none() {
            self.tripped.set(Some(limit));
        }
        self.settle_at.set(0);
    }

    /// Charges text a conversion made (an array's string form) to the heap
    /// quota, though it may be dropped soon: a loop converting many big
    /// arrays would otherwise hold any amount of it at once.
    pub(crate) fn charge_text(&self, bytes: usize) {
        self.heap_bytes.set(self.heap_bytes.get().saturating_add(bytes));
        if self.heap_bytes.get() > self.heap_limit {
            self.trip(crate::Limit::Heap);
        }
    }

    /// Bytes the heap quota still allows.
    pub(crate) fn heap_room(&self) -> usize {
        self.heap_limit.saturating_sub(self.heap_bytes.get())
    }

    /// The heap quota.
    pub(crate) fn heap_limit(&self) -> usize {
        self.heap_limit
    }

    /// `s`'s UTF-16 length (remembered for the last string asked about).
    pub(crate) fn utf16_len(&mut self, s: &Arc<str>) -> Utf16Len {
        if let Some((m, len)) = &self.measured
            && Arc::ptr_eq(m, s)
        {
            return *len;
        }
        self.add_work(s.len() as u64);
        let len = if s.is_ascii() {
            Utf16Len { units: s.len(), ascii: true }
        } else {
            Utf16Len { units: s.encode_utf16().count(), ascii: false }
        };
        // Short strings are cheap to measure again; remembering them would
        // only push out the long one a loop keeps asking about
        // (`s[i].length` inside `for (…; i < s.length; …)`).
        if s.len() > 256 {
            self.measured = Some((s.clone(), len));
        }
        len
    }

    /// Makes room for `slots` heap objects up front (`ProgramInner::heap_hint`).
    pub fn reserve_heap(&mut self, slots: usize) {
        self.heap.reserve(slots);
    }

    /// How many heap objects the run has made.
    pub fn heap_len(&self) -> usize {
        self.heap.len()
    }

    /// Empties the heap, keeping the small objects' buffers for the next
    /// run's objects (`spare_props`).
    fn recycle_heap(&mut self) {
        let kept = self.keep_region();
        let mut literals = std::mem::take(&mut self.literals);
        for (slot, n) in literals.drain(..) {
            let (slot, n) = (slot as usize, n as usize);
            let (Some(Obj::Object(props, _)), Some(Shape { keys, .. })) = (self.heap.get_mut(slot), self.shapes.get(n))
            else {
                continue;
            };
            // A literal the run added to or deleted from goes the usual way.
            let same = props.len() == keys.len() && props.iter().zip(keys.iter()).all(|(p, k)| Arc::ptr_eq(&p.0, k));
            if !same || props.capacity() > SPARE_CAP || self.shaped_count >= SPARES_MAX {
                continue;
            }
            if self.shaped_spares.len() <= n {
                self.shaped_spares.resize_with(n + 1, Vec::new);
            }
            if let Some(pool) = self.shaped_spares.get_mut(n) {
                pool.push(std::mem::take(props));
                self.shaped_count += 1;
            }
        }
        self.literals = literals;
        let mut imported = std::mem::take(&mut self.imported);
        for (slot, at) in imported.drain(..) {
            let Some(Obj::Object(props, _)) = self.heap.get_mut(slot as usize) else { continue };
            // Not kept either: a buffer with a name that may be an array
            // index. `import_again` does not order the names it takes: a
            // run inserts index names in order (`put`), so a buffer's names
            // are in order anyway; this keeps it so whatever changed them.
            if props.is_empty()
                || props.capacity() > SPARE_CAP
                || self.imported_count >= IMPORTED_MAX
                || props
                    .iter()
                    .any(|(k, _)| k.len() > KEY_NAME_MAX || k.as_bytes().first().is_some_and(u8::is_ascii_digit))
            {
                continue;
            }
            // Where the next import of the same names looks (a buffer whose
            // names the run changed is never taken: `import_again` compares
            // them all).
            let at = usize::from(at);
            if self.imported_spares.is_empty() {
                self.imported_spares.resize_with(NAME_BUCKETS, Vec::new);
            }
            if let Some(pool) = self.imported_spares.get_mut(at) {
                pool.push(std::mem::take(props));
                self.imported_count += 1;
            }
        }
        self.imported = imported;
        let mut heap = std::mem::take(&mut self.heap);
        let bottom = match &kept {
            Kept::Bottom(n) => (*n).min(heap.len()),
            Kept::Moved(_) => 0,
        };
        // Last first: the next run's first string takes the buffer of this
        // run's first (`take_builder` pops), likely the same size.
        for obj in heap.drain(bottom..).rev() {
            match obj {
                // The buffers the loops above took: nothing to free (no
                // call to the drop glue).
                Obj::Object(props, _) if props.capacity() == 0 => std::mem::forget(props),
                Obj::Object(props, _) => keep_spare(&mut self.spare_props, props),
                Obj::Arr(items) => keep_spare(&mut self.spare_items, items),
                // The commonest, dropped here rather than through `Obj`'s
                // drop glue.
                Obj::Str(Text::Shared(s)) => drop(s),
                Obj::Str(Text::Owned(s)) => self.give_builder(s),
                _ => {}
            }
        }
        if let Kept::Moved(region) = kept {
            heap.extend(region);
        }
        self.heap = heap;
    }

    /// Empties the host of what a run left before its store waits in its
    /// program's pool for the next session (`ProgramInner::idle`), keeping
    /// at most `heap_slots` of heap capacity (a session's own host keeps
    /// what its biggest run grew to). The dispatch function stays: the
    /// host stays in its store.
    pub fn release(&mut self, heap_slots: usize) {
        self.clear();
        self.heap.shrink_to(heap_slots);
        self.ctx = None;
    }

    /// Clears everything a run left behind, for the next run of a session:
    /// the heap back to its fixed slots, implicit globals, the pending
    /// error, the quota.
    pub fn reset(&mut self, clock: &crate::Clock) {
        self.now_ms = None;
        if self.clock.as_ref().is_none_or(|c| !Arc::ptr_eq(c, clock)) {
            self.clock = Some(clock.clone());
        }
        self.clear();
    }

    /// What `reset` and `release` clear.
    fn clear(&mut self) {
        self.recycle_heap();
        self.recycle_builders(0);
        self.proto_props.clear();
        self.nests.clear();
        self.accessors = false;
        self.key_conversions = false;
        self.arr_props.clear();
        self.methods.clear();
        self.attrs.clear();
        self.heap_bytes.set(0);
        self.globals.clear();
        self.error = None;
        self.thrown = None;
        self.heap_exceeded = false;
        self.stop = false;
        // The next run likely makes as many calls as this one: one
        // allocation for its transcript instead of one per doubling (kept
        // through the clear at the next run's start, which counts none).
        let calls = (self.calls as usize).min(TRANSCRIPT_HINT_MAX);
        self.transcript.calls.clear();
        let kept = self.transcript.calls.capacity();
        if kept < calls || kept > TRANSCRIPT_HINT_MAX {
            self.transcript.calls = Vec::with_capacity(calls);
        }
        self.work.set(0);
        self.tripped.set(None);
        self.settle_at.set(crate::SETTLE_EVERY);
        self.calls = 0;
        self.handed = 0;
        self.measured = None;
    }

    /// The clock reading for this run (the same all through the run).
    fn now(&mut self) -> f64 {
        if let Some(t) = self.now_ms {
            return t;
        }
        let t = self.clock.as_ref().map_or(0.0, |c| c());
        self.now_ms = Some(t);
        t
    }

    /// Counts `bytes` against the quota; `false` (and the run trapped
    /// after this operation) once it is exceeded. Growth that could be huge
    /// (sparse array writes, `length` assignment) asks before allocating.
    pub(crate) fn charge(&mut self, bytes: usize) -> bool {
        self.heap_bytes.set(self.heap_bytes.get().saturating_add(bytes));
        if self.heap_bytes.get() > self.heap_limit {
            self.heap_exceeded = true;
            self.settle_at.set(0);
        }
        !self.heap_exceeded
    }

    /// Puts `obj` on the heap. While the heap has room, no call can happen
    /// between making `obj` and storing it (`push_growing` is out of
    /// line): with the growth call in between, `obj` was built in a stack
    /// slot by 8-byte stores and copied out by 16-byte loads, which stall
    /// (no store forwarding): −3 % wall time on the json panel, the same
    /// instructions (benches/RESULTS.md, session 19).
    #[inline(always)]
    pub(crate) fn alloc(&mut self, obj: Obj, bytes: usize) -> i64 {
        self.charge(bytes + 16);
        let at = self.heap.len();
        if at < self.heap.capacity() {
            self.heap.push(obj);
        } else {
            self.push_growing(obj);
        }
        value::reference(at)
    }

    /// [`Host::alloc`] when the heap must grow.
    #[cold]
    #[inline(never)]
    fn push_growing(&mut self, obj: Obj) {
        self.heap.push(obj);
    }

    pub(crate) fn heap_mut(&mut self, slot: usize) -> Option<&mut Obj> {
        self.heap.get_mut(slot)
    }

    /// A named (non-index) property of an array.
    pub(crate) fn set_array_prop(&mut self, arr: i64, key: &str, v: i64) {
        let Some(slot) = value::as_reference(arr) else { return };
        self.note_key(key);
        let props = self.arr_props.entry(slot).or_default();
        match props.iter_mut().find(|p| &*p.0 == key) {
            Some(p) => p.1 = v,
            None => props.push((Arc::from(key), v)),
        }
    }

    /// A script function under name `k` that array `arr` has or inherits
    /// from `Array.prototype` (`list.join = …`, `Array.prototype.join = …`).
    pub(crate) fn array_script_method(&self, arr: i64, k: &str) -> Option<i64> {
        let found = self.array_prop(arr, k).or_else(|| self.added_to_prototype("Array", k))?;
        matches!(self.obj(found), Some(Obj::Function(_) | Obj::Bound { .. })).then_some(found)
    }

    /// Whether calling `recv`'s property `name` is a TypeError (ES5
    /// §11.2.3) rather than the built-in method of that name it hides: an
    /// array's named property, or a plain object's own or inherited one,
    /// that is not a function (`list.push = 5`, `o.toString = 5`). Not the
    /// host objects (`host_object`): their methods are answered whatever
    /// data names they hold (a context-service map may hold a `get`).
    pub(crate) fn prop_not_callable(&self, recv: i64, name: i64) -> bool {
        let Some(k) = self.str_of(name) else { return false };
        let found = match self.obj(recv) {
            Some(Obj::Arr(_)) => self.array_prop(recv, k),
            Some(Obj::Object(_, proto)) if !matches!(self.obj(*proto), Some(Obj::HostClass(_))) => self.lookup(recv, k),
            _ => None,
        };
        found.is_some_and(|f| self.callable_slot(f).is_none())
    }

    fn array_prop(&self, arr: i64, key: &str) -> Option<i64> {
        // Most runs give no array a named property: no hashing then.
        if self.arr_props.is_empty() {
            return None;
        }
        let slot = value::as_reference(arr)?;
        self.arr_props.get(&slot)?.iter().find(|p| &*p.0 == key).map(|p| p.1)
    }

    pub(crate) fn obj(&self, v: i64) -> Option<&Obj> {
        let i = value::as_reference(v)?;
        if i >= CONST_BASE { self.consts.get(i - CONST_BASE) } else { self.heap.get(i) }
    }

    pub fn string(&mut self, s: impl Into<Text>) -> i64 {
        let s: Text = s.into();
        let n = s.len();
        self.alloc(Obj::Str(s), n)
    }

    pub(crate) fn throw(&mut self, name: &str, message: impl Into<String>) -> i64 {
        self.error = Some(JsError { name: name.to_string(), message: message.into() });
        self.thrown = None;
        EXCEPTION
    }

    /// Interned string `a` of the program's table (the compiler emits
    /// only indices into it).
    fn interned(&self, a: i64) -> Arc<str> {
        usize::try_from(a).ok().and_then(|a| self.strings.get(a)).cloned().unwrap_or_else(|| Arc::from(""))
    }

    /// String `v`'s text as an `Arc`: `Owned` text becomes `Shared` in
    /// place (its buffer kept for reuse), so a string handed out or used
    /// as a receiver more than once is copied once. `None` for a value
    /// that is not a string.
    pub(crate) fn share(&mut self, v: i64) -> Option<Arc<str>> {
        self.make_shared(v);
        self.str_of(v).map(Text::to_arc)
    }

    /// Makes string `v`'s text `Shared` if it is `Owned` (see
    /// [`Host::share`]).
    pub(crate) fn make_shared(&mut self, v: i64) {
        let Some(i) = value::as_reference(v).filter(|&i| i < CONST_BASE) else { return };
        let Some(Obj::Str(text @ Text::Owned(_))) = self.heap.get_mut(i) else { return };
        let shared = Text::Shared(Arc::from(&**text));
        if let Text::Owned(buf) = std::mem::replace(text, shared) {
            self.give_builder(buf);
        }
    }

    pub(crate) fn str_of(&self, v: i64) -> Option<&Text> {
        match self.obj(v) {
            Some(Obj::Str(s)) => Some(s),
            _ => None,
        }
    }

    // ---- conversions (ES5 §9) ----

    /// Appends ToString(`v`) to `out`, without a temporary for strings and
    /// integers (the common operands of `+`).
    pub(crate) fn append_js_string(&self, v: i64, out: &mut String) {
        if let Some(n) = number_value(v) {
            cbot_host::push_number(out, n);
            return;
        }
        match self.obj(v) {
            Some(Obj::Str(s)) => out.push_str(s),
            _ => out.push_str(&self.to_js_string(v)),
        }
    }

    pub fn to_js_string(&self, v: i64) -> String {
        if let Some(n) = number_value(v) {
            return number_to_string(n);
        }
        match v {
            UNDEFINED => "undefined".into(),
            NULL => "null".into(),
            TRUE => "true".into(),
            FALSE => "false".into(),
            _ => match self.obj(v) {
                // A copy, which the callers then read: host work as long
                // as the string (`parseInt`, `Date.parse`, `encodeURI`, …
                // on a long string in a loop).
                Some(Obj::Str(s)) => {
                    self.add_work(s.len() as u64);
                    String::from(&**s)
                }
                Some(Obj::Arr(_)) => {
                    let mut out = String::new();
                    self.join_into(v, ",", &mut out, &mut Vec::new());
                    self.charge_text(out.len());
                    out
                }
                Some(Obj::Object(..)) => self.error_string(v).unwrap_or_else(|| "[object Object]".into()),
                Some(Obj::BotContext | Obj::Env(_) | Obj::Accessor { .. }) => "[object Object]".into(),
                Some(Obj::Function(_) | Obj::Bound { .. }) => "function () { [code] }".into(),
                Some(Obj::Method { name, .. }) => format!("function {name}() {{ [native code] }}"),
                Some(Obj::Proto(_) | Obj::HostClass(_)) => "[object Object]".into(),
                Some(Obj::Builtin(b)) => format!("function {}() {{ [native code] }}", builtin_name(*b)),
                // Error.prototype.toString (ES5 §15.11.4.4).
                Some(Obj::Error(e)) => error_text(&e.name, &e.message),
                Some(Obj::Date(ms)) => date::to_string(*ms, self.tz),
                Some(Obj::RegExp(r)) => format!("/{}/{}", r.re.source, r.re.flags.text()),
                None => "undefined".into(),
            },
        }
    }

    /// Array.prototype.join of `arr` with `sep` into `out` (ToString of an
    /// array joins with ","). `undefined` and `null` members are empty, and
    /// so is an array inside itself, as V8 and SpiderMonkey do (ES5 would
    /// recurse forever); `stack` holds the arrays being joined. Nesting
    /// deeper than [`MAX_JOIN_DEPTH`] stops the run at the call-depth limit
    /// (V8 throws a RangeError there), and text beyond the heap quota at
    /// the heap limit: an array can hold another many times over (`a = [a,
    /// a]` forty times), so its text can be exponentially longer than the
    /// heap it takes.
    pub(crate) fn join_into(&self, arr: i64, sep: &str, out: &mut String, stack: &mut Vec<i64>) {
        let Some(Obj::Arr(items)) = self.obj(arr) else { return };
        if stack.len() >= MAX_JOIN_DEPTH {
            self.trip(crate::Limit::Stack);
            return;
        }
        stack.push(arr);
        let room = self.heap_room();
        let start = out.len();
        for (i, &x) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(sep);
            }
            if out.len() > room {
                self.trip(crate::Limit::Heap);
            }
            // Each member visited is paid for as it is visited, so that a
            // member shared many times over runs out of fuel early.
            if !self.spend(VISIT_WORK) {
                break;
            }
            match self.obj(x) {
                _ if x == UNDEFINED || x == NULL => {}
                Some(Obj::Arr(_)) if stack.contains(&x) => {}
                Some(Obj::Arr(_)) => self.join_into(x, ",", out, stack),
                _ => self.append_js_string(x, out),
            }
        }
        stack.pop();
        self.add_work((out.len() - start) as u64);
    }

    pub fn to_number(&self, v: i64) -> f64 {
        if let Some(n) = number_value(v) {
            return n;
        }
        match v {
            UNDEFINED => f64::NAN,
            NULL | FALSE => 0.0,
            TRUE => 1.0,
            _ => match self.obj(v) {
                Some(Obj::Str(s)) => {
                    self.add_work(s.len() as u64);
                    string_to_number(s)
                }
                Some(Obj::Arr(_)) => string_to_number(&self.to_js_string(v)),
                Some(Obj::Date(ms)) => *ms,
                _ => f64::NAN,
            },
        }
    }

    pub fn truthy(&self, v: i64) -> bool {
        if let Some(n) = number_value(v) {
            return n != 0.0 && !n.is_nan();
        }
        match v {
            UNDEFINED | NULL | FALSE => false,
            TRUE => true,
            _ => !matches!(self.obj(v), Some(Obj::Str(s)) if s.is_empty()),
        }
    }

    fn is_primitive(&self, v: i64) -> bool {
        number_value(v).is_some() || matches!(v, UNDEFINED | NULL | TRUE | FALSE) || self.str_of(v).is_some()
    }

    /// ToPrimitive for the objects scripts build (arrays and plain objects
    /// convert through their string form).
    fn primitive(&mut self, v: i64) -> i64 {
        if self.is_primitive(v) {
            v
        } else {
            let s = self.to_js_string(v);
            self.string(s)
        }
    }

    fn type_of(&self, v: i64) -> &'static str {
        if number_value(v).is_some() {
            return "number";
        }
        match v {
            UNDEFINED => "undefined",
            NULL => "object",
            TRUE | FALSE => "boolean",
            _ => match self.obj(v) {
                Some(Obj::Str(_)) => "string",
                Some(Obj::Builtin(b)) if !matches!(builtin_name(*b), "Math" | "JSON") => "function",
                Some(Obj::Function(_) | Obj::Bound { .. } | Obj::Method { .. }) => "function",
                _ => "object",
            },
        }
    }

    pub(crate) fn strict_equals(&self, a: i64, b: i64) -> bool {
        match (number_value(a), number_value(b)) {
            (Some(x), Some(y)) => x == y,
            (None, None) if a == b => true,
            _ => match (self.str_of(a), self.str_of(b)) {
                (Some(x), Some(y)) => {
                    if x.len() == y.len() {
                        self.add_work(x.len() as u64);
                    }
                    **x == **y
                }
                _ => false,
            },
        }
    }

    /// The abstract equality comparison (ES5 §11.9.3).
    fn loose_equals(&mut self, a: i64, b: i64) -> bool {
        let nullish = |v: i64| v == UNDEFINED || v == NULL;
        if nullish(a) || nullish(b) {
            return nullish(a) && nullish(b);
        }
        let a_kind = self.type_of(a);
        let b_kind = self.type_of(b);
        if a_kind == b_kind && (a_kind != "object" || self.is_primitive(a)) {
            return self.strict_equals(a, b);
        }
        if a_kind == "object" && b_kind == "object" {
            return a == b;
        }
        // Booleans and strings compare as numbers; objects as primitives.
        let a = if a_kind == "object" { self.primitive(a) } else { a };
        let b = if b_kind == "object" { self.primitive(b) } else { b };
        if self.str_of(a).is_some() && self.str_of(b).is_some() {
            return self.strict_equals(a, b);
        }
        self.to_number(a) == self.to_number(b)
    }

    /// The abstract relational comparison (ES5 §11.8.5): strings compare by
    /// UTF-16 code units, everything else as numbers.
    fn less_than(&mut self, a: i64, b: i64, or_equal: bool) -> bool {
        // ToPrimitive with hint Number: a Date compares by its time value.
        let as_number = |h: &Self, v: i64| match h.obj(v) {
            Some(Obj::Date(ms)) => value::number(*ms),
            _ => v,
        };
        let (a, b) = (as_number(self, a), as_number(self, b));
        let a = self.primitive(a);
        let b = self.primitive(b);
        if let (Some(x), Some(y)) = (self.str_of(a), self.str_of(b)) {
            self.add_work(x.len().min(y.len()) as u64);
            let ord = x.encode_utf16().cmp(y.encode_utf16());
            return if or_equal { ord.is_le() } else { ord.is_lt() };
        }
        let (x, y) = (self.to_number(a), self.to_number(b));
        if or_equal { x <= y } else { x < y }
    }

    fn to_int32(&self, v: i64) -> i32 {
        let n = self.to_number(v);
        if !n.is_finite() {
            return 0;
        }
        (n.trunc().rem_euclid(4_294_967_296.0) as u32) as i32
    }

    // ---- the operations ----

    pub fn op1(&mut self, op: i32, a: i64) -> i64 {
        match op {
            op::TYPEOF => {
                let t = self.type_of(a);
                self.string(t)
            }
            op::NEG => value::number(-self.to_number(a)),
            op::TO_NUMBER => value::number(self.to_number(a)),
            op::BITNOT => value::number(f64::from(!self.to_int32(a))),
            op::TRUTHY => value::boolean(self.truthy(a)),
            // The operand is how many items or properties the literal
            // has: room is made for them at once (bounded: it is a hint).
            op::NEW_ARRAY => {
                let items = self.items_buf(a.clamp(0, 64) as usize);
                self.alloc(Obj::Arr(items), 0)
            }
            op::ARRAY1 => {
                let items = self.items_from(&[a]);
                self.alloc_array(items)
            }
            op::NEW_OBJECT => {
                let props = self.props_buf(a.clamp(0, 64) as usize);
                self.alloc(Obj::Object(props, UNDEFINED), 0)
            }
            op::CLOSURE_ENV => match self.obj(a) {
                Some(Obj::Function(f)) => f.env,
                _ => UNDEFINED,
            },
            op::GLOBAL_DELETE => {
                let name = self.interned(a);
                self.globals.retain(|g| g.0 != name);
                TRUE
            }
            op::GLOBAL_TYPEOF => {
                let name = self.interned(a);
                match self.globals.iter().find(|g| g.0 == name).map(|g| g.1) {
                    Some(v) => self.op1(op::TYPEOF, v),
                    None => self.string("undefined"),
                }
            }
            op::GLOBAL_GET => {
                let name = self.interned(a);
                match self.globals.iter().find(|g| g.0 == name) {
                    Some(g) => g.1,
                    None => self.throw("ReferenceError", format!("{name} is not defined")),
                }
            }
            op::THROW => {
                // What an uncaught throw reports: an error's (or an error-like
                // object's) name and message.
                let (name, message) = match self.obj(a) {
                    Some(Obj::Error(e)) => (String::from(&*e.name), String::from(&*e.message)),
                    Some(Obj::Object(..)) => {
                        let field = |h: &Self, k: &str| h.lookup(a, k).and_then(|v| h.str_of(v).map(|s| s.to_string()));
                        let name = field(self, "name").unwrap_or_else(|| "Error".into());
                        let message = field(self, "message").unwrap_or_else(|| self.to_js_string(a));
                        (name, message)
                    }
                    _ => ("Error".to_string(), self.to_js_string(a)),
                };
                self.error = Some(JsError { name, message });
                self.thrown = Some(a);
                EXCEPTION
            }
            op::CATCH => {
                let error = self.error.take();
                match self.thrown.take() {
                    Some(v) => v,
                    None => {
                        let e = error.unwrap_or(JsError { name: "Error".into(), message: String::new() });
                        self.alloc(Obj::Error(ErrorObj::new(e.name, e.message)), 32)
                    }
                }
            }
            op::KEYS => {
                let mut keys: Vec<String> = match self.obj(a) {
                    Some(Obj::Object(..)) => self.enumerable_keys(a),
                    Some(Obj::Function(_) | Obj::Error(_)) => self.own_keys(a).iter().map(|k| k.to_string()).collect(),
                    Some(Obj::Arr(items)) => (0..items.len()).map(|i| i.to_string()).collect(),
                    Some(Obj::Str(s)) => (0..s.encode_utf16().count()).map(|i| i.to_string()).collect(),
                    _ => Vec::new(),
                };
                // Properties added to built-in prototypes are enumerable
                // and inherited (ES5 §12.6.4), so for-in visits them too.
                if !self.proto_props.is_empty() && !self.is_primitive(a) {
                    let added: Vec<Arc<str>> = self.proto_props.iter().map(|p| p.1.clone()).collect();
                    for k in added {
                        let key = self.string(k.clone());
                        if !keys.iter().any(|x| **x == *k) && self.added_proto_prop(a, key).is_some() {
                            keys.push(String::from(&*k));
                        }
                    }
                }
                let items: Vec<i64> = keys.into_iter().map(|k| self.string(k)).collect();
                let n = items.len();
                self.alloc(Obj::Arr(items), 8 * n)
            }
            _ => self.throw("Error", format!("internal: unknown operation {op}")),
        }
    }

    pub fn op2(&mut self, op: i32, a: i64, b: i64) -> i64 {
        match op {
            op::ADD => self.add(a, b),
            op::CAT_START | op::CAT_MORE | op::CAT_END => self.concat(op, a, b),
            op::SUB => value::number(self.to_number(a) - self.to_number(b)),
            op::MUL => value::number(self.to_number(a) * self.to_number(b)),
            op::DIV => value::number(self.to_number(a) / self.to_number(b)),
            // Rust's `%` on f64 is C's fmod, which is what ES5 §11.5.3 asks.
            op::MOD => value::number(self.to_number(a) % self.to_number(b)),
            op::EQ => value::boolean(self.loose_equals(a, b)),
            op::NE => value::boolean(!self.loose_equals(a, b)),
            op::SEQ => value::boolean(self.strict_equals(a, b)),
            op::SNE => value::boolean(!self.strict_equals(a, b)),
            op::LT => value::boolean(self.less_than(a, b, false)),
            op::GT => value::boolean(self.less_than(b, a, false)),
            op::LE => value::boolean(self.less_than(a, b, true)),
            op::GE => value::boolean(self.less_than(b, a, true)),
            op::BITAND => value::number(f64::from(self.to_int32(a) & self.to_int32(b))),
            op::BITOR => value::number(f64::from(self.to_int32(a) | self.to_int32(b))),
            op::BITXOR => value::number(f64::from(self.to_int32(a) ^ self.to_int32(b))),
            op::SHL => value::number(f64::from(self.to_int32(a).wrapping_shl(self.to_int32(b) as u32 & 31))),
            op::SHR => value::number(f64::from(self.to_int32(a).wrapping_shr(self.to_int32(b) as u32 & 31))),
            op::USHR => value::number(f64::from((self.to_int32(a) as u32).wrapping_shr(self.to_int32(b) as u32 & 31))),
            op::GET => self.get(a, b),
            op::HAS_KEY => value::boolean(self.has_key(a, b)),
            op::ARRAY2 => {
                let items = self.items_from(&[a, b]);
                self.alloc_array(items)
            }
            op::METHOD_BASE if a == UNDEFINED || a == NULL => {
                let k = self.to_js_string(b);
                let what = self.to_js_string(a);
                // The message of a method call on null (CALL_METHOD), which
                // CB's JVM engine words this way.
                self.throw("TypeError", format!("Cannot call method '{k}' of {what}"))
            }
            op::METHOD_BASE => a,
            op::IN => {
                let key = self.to_js_string(a);
                // Members every object inherits from Object.prototype.
                const INHERITED: &[&str] = &[
                    "toString",
                    "toLocaleString",
                    "valueOf",
                    "hasOwnProperty",
                    "isPrototypeOf",
                    "propertyIsEnumerable",
                    "constructor",
                ];
                match self.obj(b) {
                    Some(Obj::Object(..)) => {
                        let has = self.lookup(b, &key).is_some()
                            || (INHERITED.contains(&key.as_str()) && self.inherits_object(b))
                            || (!self.proto_props.is_empty() && {
                                let k = self.string(key.as_str());
                                self.added_proto_prop(b, k).is_some()
                            });
                        value::boolean(has)
                    }
                    Some(Obj::Function(f)) => {
                        value::boolean(f.props.iter().any(|p| *p.0 == *key) || key == "prototype")
                    }
                    Some(Obj::Arr(items)) => value::boolean(
                        key == "length"
                            || key.parse::<usize>().is_ok_and(|i| i < items.len())
                            || self.array_prop(b, &key).is_some()
                            || proto_methods("Array").contains(&key.as_str()),
                    ),
                    Some(Obj::Proto(p)) => {
                        let kind = builtin_name(*p);
                        value::boolean(
                            self.proto_props.iter().any(|x| x.0 == *p && *x.1 == *key)
                                || proto_methods(kind).contains(&key.as_str())
                                || INHERITED.contains(&key.as_str()),
                        )
                    }
                    // Other objects (errors, dates, regexps, built-ins): what
                    // reading the property finds.
                    Some(_) if !self.is_primitive(b) => {
                        let k = self.string(key);
                        let v = self.get(b, k);
                        value::boolean(v != UNDEFINED)
                    }
                    _ => self.throw("TypeError", format!("cannot use 'in' to search for '{key}' in a non-object")),
                }
            }
            op::PUSH => {
                if let Some(i) = value::as_reference(a)
                    && let Some(Obj::Arr(items)) = self.heap.get_mut(i)
                {
                    items.push(b);
                    self.charge(8);
                }
                a
            }
            op::CALL_BUILTIN => self.call_builtin(a as usize, b),
            op::REGEXP => self.regexp_literal(a, b),
            op::ENV_NEW => {
                let parent = match self.obj(a) {
                    Some(Obj::Function(f)) => f.env,
                    _ => UNDEFINED,
                };
                let mut slots = Vec::with_capacity(1 + b as usize);
                slots.push(parent);
                slots.resize(1 + b as usize, UNDEFINED);
                self.alloc(Obj::Env(slots), 8 + 8 * b as usize)
            }
            op::ENV_GET => {
                let (hops, slot) = ((b >> 16) as u32, (b & 0xffff) as usize);
                match self.env(a, hops).and_then(|i| self.heap.get(i)) {
                    Some(Obj::Env(e)) => e.get(slot).copied().unwrap_or(UNDEFINED),
                    _ => UNDEFINED,
                }
            }
            op::MAKE_CLOSURE => {
                self.alloc(Obj::Function(Box::new(Func { slot: a as u32, env: b, props: Vec::new() })), 32)
            }
            op::FN_SLOT => match self.callable_slot(a) {
                Some(slot) => i64::from(slot),
                None => {
                    let what = if b >= 0 { self.interned(b).to_string() } else { self.to_js_string(a) };
                    self.throw("TypeError", format!("{what} is not a function"))
                }
            },
            op::INSTANCEOF => self.instance_of(a, b),
            op::DELETE => {
                if a == UNDEFINED || a == NULL {
                    let k = self.to_js_string(b);
                    return self
                        .throw("TypeError", format!("Cannot delete property '{k}' of {}", self.to_js_string(a)));
                }
                let key = self.key_of(b);
                if self.attr(a, &key) & ATTR_FIXED != 0 {
                    return FALSE;
                }
                // A string's length and characters are not configurable.
                if let Some(Obj::Str(t)) = self.obj(a)
                    && (&*key == "length" || array_index(&key).is_some_and(|i| (i as usize) < t.encode_utf16().count()))
                {
                    return FALSE;
                }
                if let Some(i) = value::as_reference(a) {
                    match self.heap.get_mut(i) {
                        Some(Obj::Arr(_)) if &*key == "length" => return FALSE,
                        Some(Obj::Arr(items)) => {
                            // No holes here: a deleted item reads as undefined.
                            if let Some(x) = array_index(&key).and_then(|k| items.get_mut(k as usize)) {
                                *x = UNDEFINED;
                            }
                        }
                        _ => {
                            if let Some(props) = self.props_mut(i) {
                                props.retain(|p| p.0 != key);
                            }
                        }
                    }
                }
                TRUE
            }
            op::NEW => {
                let argv = self.take_args(b);
                match constructor_name(a as usize) {
                    // `Object(o)` / `new Object(o)` give an object back unchanged.
                    "Object" if argv.first().is_some_and(|&o| self.is_object(o) && self.str_of(o).is_none()) => {
                        argv.first().copied().unwrap_or(UNDEFINED)
                    }
                    "Object" => self.alloc(Obj::Object(Vec::new(), UNDEFINED), 0),
                    "RegExp" => {
                        let arg = |i: usize| argv.get(i).copied().unwrap_or(UNDEFINED);
                        self.regexp_new(arg(0), arg(1))
                    }
                    "Date" => {
                        let ms = match argv[..] {
                            [] => self.now(),
                            [x] => match self.obj(x) {
                                Some(Obj::Str(s)) => {
                                    self.add_work(s.len() as u64);
                                    date::parse(s, self.tz)
                                }
                                Some(Obj::Date(ms)) => *ms,
                                _ => {
                                    let p = self.primitive(x);
                                    match self.str_of(p) {
                                        Some(s) => {
                                            self.add_work(s.len() as u64);
                                            date::parse(s, self.tz)
                                        }
                                        None => self.to_number(p),
                                    }
                                }
                            },
                            _ => self.date_fields(&argv, false),
                        };
                        self.alloc(Obj::Date(date::time_clip(ms)), 16)
                    }
                    "Array" => {
                        // `new Array(n)` makes n holes; other arguments are the items.
                        if let [n] = argv[..]
                            && let Some(len) = number_value(n)
                        {
                            if len < 0.0 || len.fract() != 0.0 || len > 4_294_967_295.0 {
                                return self.throw("RangeError", "Invalid array length");
                            }
                            if !self.charge(8 * len as usize) {
                                return UNDEFINED;
                            }
                            return self.alloc(Obj::Arr(vec![UNDEFINED; len as usize]), 0);
                        }
                        let n = argv.len();
                        self.alloc(Obj::Arr(argv), 8 * n)
                    }
                    name => {
                        let message = match argv.first() {
                            Some(&m) if m != UNDEFINED => self.to_js_string(m),
                            _ => String::new(),
                        };
                        let n = message.len();
                        self.alloc(Obj::Error(ErrorObj::new(name, message)), 32 + n)
                    }
                }
            }
            _ => self.throw("Error", format!("internal: unknown operation {op}")),
        }
    }

    pub fn op3(&mut self, op: i32, a: i64, b: i64, c: i64) -> i64 {
        match op {
            op::SET => self.set(a, b, c),
            op::PUT => {
                let key = self.key_of(b);
                self.note_key(&key);
                if &*key == "__proto__" && matches!(self.obj(a), Some(Obj::Object(..))) {
                    // PUT leaves the object (object literals chain it).
                    return if self.set_proto(a, c) == EXCEPTION { EXCEPTION } else { a };
                }
                // Sloppy mode: writes to read-only properties and new
                // properties of non-extensible objects are ignored.
                if !self.attrs.is_empty() {
                    let exists = value::as_reference(a)
                        .and_then(|slot| self.props_mut(slot))
                        .is_some_and(|props| props.iter().any(|p| p.0 == key));
                    let blocked = if exists { ATTR_READONLY } else { ATTR_SEALED };
                    if self.attr(a, if exists { &key } else { "" }) & blocked != 0 {
                        return c;
                    }
                }
                let mut grew = 0;
                if let Some(i) = value::as_reference(a)
                    && let Some(props) = self.props_mut(i)
                {
                    // Properties are searched in order: host work as long
                    // as the object (a script filling a big map pays for it).
                    let searched = props.len() as u64;
                    self.work.set(self.work.get().saturating_add(searched));
                    let Some(props) = self.props_mut(i) else { return a };
                    match props.iter_mut().find(|p| p.0 == key) {
                        Some(p) => p.1 = c,
                        None => {
                            // Charged below, once `props` is released.
                            grew = 24 + key.len();
                            // Own keys that are array indices come first, in
                            // ascending order (ES2015 [[OwnPropertyKeys]],
                            // which every engine CB could run on follows).
                            match array_index(&key) {
                                Some(k) => {
                                    let at = props
                                        .iter()
                                        .position(|p| array_index(&p.0).is_none_or(|q| q > k))
                                        .unwrap_or(props.len());
                                    props.insert(at, (key, c));
                                }
                                None => props.push((key, c)),
                            }
                        }
                    }
                }
                self.charge(grew);
                a
            }
            op::GLOBAL_SET => {
                let name = self.interned(a);
                match self.globals.iter_mut().find(|g| g.0 == name) {
                    Some(g) => g.1 = b,
                    None => self.globals.push((name, b)),
                }
                b
            }
            op::CALL_METHOD => self.call_method(a, b, c),
            op::GET2 => self.read(op, a, b, c),
            op::CALL_METHOD1 => {
                let args = self.alloc_array(vec![c]);
                self.call_method(a, b, args)
            }
            op::ARRAY3 => {
                let items = self.items_from(&[a, b, c]);
                self.alloc_array(items)
            }
            op::DEFINE_GETTER | op::DEFINE_SETTER => {
                self.define_accessor(a, b, c, op == op::DEFINE_GETTER);
                a
            }
            op::ENV_SET => {
                let (hops, slot) = ((b >> 16) as u32, (b & 0xffff) as usize);
                if let Some(i) = self.env(a, hops)
                    && let Some(Obj::Env(e)) = self.heap.get_mut(i)
                    && let Some(x) = e.get_mut(slot)
                {
                    *x = c;
                }
                c
            }
            op::CALL_NATIVE => match self.obj(a) {
                Some(Obj::Builtin(b)) => {
                    let b = *b;
                    self.call_builtin(b, c)
                }
                _ => self.throw("TypeError", "not a function"),
            },
            _ => self.throw("Error", format!("internal: unknown operation {op}")),
        }
    }

    /// A property key as a string (no copy for string keys).
    pub(crate) fn key_of(&self, key: i64) -> Arc<str> {
        match self.str_of(key) {
            Some(s) => s.to_arc(),
            None => self.to_js_string(key).into(),
        }
    }

    /// Whether a `for … in` key is still there: deleting a property that
    /// the loop has not reached yet removes it from the loop.
    fn has_key(&self, obj: i64, key: i64) -> bool {
        let Some(k) = self.str_of(key) else { return true };
        if self.added_proto_prop(obj, key).is_some() {
            return true;
        }
        match self.obj(obj) {
            Some(Obj::Object(..) | Obj::Function(_)) => self.lookup(obj, k).is_some(),
            Some(Obj::Arr(items)) => match array_index(k) {
                Some(i) => (i as usize) < items.len(),
                None => self.array_prop(obj, k).is_some(),
            },
            Some(Obj::Error(e)) => e.props.iter().any(|p| *p.0 == **k),
            _ => true,
        }
    }

    /// Looks `key` up on an object and its prototype chain.
    pub(crate) fn lookup(&self, obj: i64, key: &str) -> Option<i64> {
        let mut at = obj;
        // Prototypes are fixed when an object is made, so chains are
        // acyclic; the bound is only a guard.
        for _ in 0..10_000 {
            match self.obj(at) {
                Some(Obj::Object(props, proto)) => {
                    // Searched in order: host work as long as the object.
                    self.add_work(props.len() as u64 + 1);
                    if let Some(p) = props.iter().find(|p| *p.0 == *key) {
                        return Some(p.1);
                    }
                    at = *proto;
                }
                Some(Obj::Function(f)) => {
                    self.add_work(f.props.len() as u64 + 1);
                    return f.props.iter().find(|p| *p.0 == *key).map(|p| p.1);
                }
                _ => return None,
            }
        }
        None
    }

    /// `for … in` keys: own, then inherited ones not shadowed.
    fn enumerable_keys(&self, obj: i64) -> Vec<String> {
        let mut keys: Vec<String> = Vec::new();
        // Every key met so far, listed or shadowing: a set, so that an
        // object with many keys is not enumerated in quadratic time.
        let mut seen: rustc_hash::FxHashSet<Arc<str>> = rustc_hash::FxHashSet::default();
        let mut at = obj;
        for _ in 0..10_000 {
            let Some(Obj::Object(props, proto)) = self.obj(at) else { break };
            self.add_work(props.len() as u64 + 1);
            for (k, _) in props {
                if seen.insert(k.clone()) && !self.hidden(at, k) {
                    keys.push(String::from(&**k));
                }
            }
            at = *proto;
        }
        keys
    }

    pub(crate) fn props_mut(&mut self, slot: usize) -> Option<&mut Vec<(Arc<str>, i64)>> {
        match self.heap.get_mut(slot) {
            Some(Obj::Object(props, _)) => Some(props),
            Some(Obj::Function(f)) => Some(&mut f.props),
            _ => None,
        }
    }

    /// A function's `prototype` object, made on first use.
    pub(crate) fn prototype_of(&mut self, f: i64) -> i64 {
        if let Some(Obj::Function(func)) = self.obj(f)
            && let Some(p) = func.props.iter().find(|p| &*p.0 == "prototype")
        {
            return p.1;
        }
        // ES5 §13.2 steps 16–17: the new prototype's `constructor` (not
        // enumerable) leads back to the function.
        let proto = self.alloc(Obj::Object(vec![("constructor".into(), f)], UNDEFINED), 24);
        self.set_attr(proto, "constructor", ATTR_HIDDEN);
        if let Some(i) = value::as_reference(f)
            && let Some(props) = self.props_mut(i)
        {
            props.push(("prototype".into(), proto));
        }
        proto
    }

    pub(crate) fn alloc_array(&mut self, items: Vec<i64>) -> i64 {
        let n = items.len();
        self.alloc(Obj::Arr(items), 8 * n)
    }

    pub(crate) fn alloc_object(&mut self, proto: i64) -> i64 {
        self.alloc(Obj::Object(Vec::new(), proto), 0)
    }

    /// Whether `v` is an object (not a primitive).
    pub(crate) fn is_object(&self, v: i64) -> bool {
        matches!(self.obj(v), Some(o) if !matches!(o, Obj::Str(_)))
    }

    /// The slot of a callable value: a JavaScript function's, 0 for a
    /// built-in, `None` for anything else.
    pub(crate) fn callable_slot(&self, v: i64) -> Option<u32> {
        match self.obj(v) {
            Some(Obj::Function(f)) => Some(f.slot),
            Some(Obj::Builtin(b)) if !matches!(builtin_name(*b), "Math" | "JSON") => Some(0),
            Some(Obj::Bound { .. } | Obj::Method { .. }) => Some(0),
            _ => None,
        }
    }

    /// Whether property reads can go straight to the heap: no accessor
    /// (whose getter is script code) and no key that converts through
    /// script code can exist yet in this run (calls.rs handles both).
    #[inline]
    pub(crate) fn plain_reads(&self) -> bool {
        !self.accessors && !self.key_conversions
    }

    /// Notes a property written under name `k` (`key_conversions`).
    #[inline]
    pub(crate) fn note_key(&mut self, k: &str) {
        self.key_conversions |= conversion_key(k);
    }

    /// Whether converting `v` to a primitive calls script code: a script
    /// object whose `valueOf` or `toString` is a script function.
    pub(crate) fn user_conversion(&self, v: i64) -> bool {
        // No object has such a method before a run writes one of the names
        // (`key_conversions`): the usual case, checked per `+` operand.
        if !self.key_conversions {
            return false;
        }
        match self.obj(v) {
            Some(Obj::Object(..)) => ["valueOf", "toString"].iter().any(|k| {
                self.lookup(v, k).is_some_and(|f| matches!(self.obj(f), Some(Obj::Function(_) | Obj::Bound { .. })))
            }),
            // An array's built-in toString calls its `join` (ES5 §15.4.4.2).
            Some(Obj::Arr(_)) => {
                ["valueOf", "toString", "join"].iter().any(|k| self.array_script_method(v, k).is_some())
            }
            _ => false,
        }
    }

    pub(crate) fn method_value_of(&self, v: i64) -> Option<(i64, Arc<str>)> {
        match self.obj(v) {
            Some(Obj::Method { ns, name }) => Some((*ns, name.clone())),
            _ => None,
        }
    }

    /// `Object.prototype.toString.call(v)`: `[object Class]` (ES5 §15.2.4.2).
    fn class_string(&self, v: i64) -> String {
        let class = match v {
            UNDEFINED => "Undefined",
            NULL => "Null",
            TRUE | FALSE => "Boolean",
            _ if number_value(v).is_some() => "Number",
            _ => match self.obj(v) {
                Some(Obj::Str(_)) => "String",
                Some(Obj::Arr(_)) => "Array",
                Some(Obj::Function(_) | Obj::Bound { .. } | Obj::Method { .. }) => "Function",
                Some(Obj::Builtin(b)) => match builtin_name(*b) {
                    "Math" => "Math",
                    "JSON" => "JSON",
                    _ => "Function",
                },
                Some(Obj::Error(..)) => "Error",
                Some(Obj::Date(_)) => "Date",
                Some(Obj::RegExp(_)) => "RegExp",
                _ => "Object",
            },
        };
        format!("[object {class}]")
    }

    /// The parts of a bound function.
    pub(crate) fn bound(&self, v: i64) -> Option<(i64, i64, Vec<i64>)> {
        match self.obj(v) {
            Some(Obj::Bound { target, this, args }) => Some((*target, *this, args.clone())),
            _ => None,
        }
    }

    /// `f.bind(this, args…)`.
    pub(crate) fn bind(&mut self, target: i64, mut argv: Vec<i64>) -> i64 {
        let this = if argv.is_empty() { UNDEFINED } else { argv.remove(0) };
        let n = argv.len();
        self.alloc(Obj::Bound { target, this, args: argv }, 32 + 8 * n)
    }

    /// A user-defined function found as property `name` of `recv`.
    pub(crate) fn js_method(&self, recv: i64, name: i64) -> Option<i64> {
        let callable = |f: &i64| matches!(self.obj(*f), Some(Obj::Function(_) | Obj::Builtin(_) | Obj::Method { .. }));
        let found = self.own_js_method(recv, name, &callable);
        if found.is_some() || self.proto_props.is_empty() {
            return found;
        }
        self.added_proto_prop(recv, name).filter(callable)
    }

    /// A property a script added to a built-in prototype that `obj`
    /// inherits (`String.prototype.format = …`), unless `obj` has its own.
    fn added_proto_prop(&self, obj: i64, key: i64) -> Option<i64> {
        if self.proto_props.is_empty() {
            return None;
        }
        let k = self.str_of(key)?;
        let index_or_length = || &**k == "length" || array_index(k).is_some();
        let kind = match self.obj(obj) {
            Some(Obj::Object(..)) if self.lookup(obj, k).is_some() || !self.inherits_object(obj) => return None,
            Some(Obj::Object(..)) => "Object",
            Some(Obj::Function(_)) if self.lookup(obj, k).is_some() => return None,
            Some(Obj::Function(_) | Obj::Bound { .. } | Obj::Method { .. }) => "Function",
            Some(Obj::Arr(_)) if index_or_length() || self.array_prop(obj, k).is_some() => return None,
            Some(Obj::Arr(_)) => "Array",
            Some(Obj::Str(_)) if index_or_length() => return None,
            Some(Obj::Str(_)) => "String",
            Some(Obj::Date(_)) => "Date",
            Some(Obj::RegExp(_)) => "RegExp",
            None if number_value(obj).is_some() => "Number",
            None if obj == TRUE || obj == FALSE => "Boolean",
            _ => return None,
        };
        self.added_to_prototype(kind, k).or_else(|| self.added_to_prototype("Object", k))
    }

    /// What a script stored as `k` on built-in `kind`'s prototype
    /// (`Array.prototype.join = …`; `proto_props`).
    fn added_to_prototype(&self, kind: &str, k: &str) -> Option<i64> {
        let b = BUILTINS.iter().position(|x| *x == kind)?;
        self.proto_props.iter().find(|p| p.0 == b && &*p.1 == k).map(|p| p.2)
    }

    fn own_js_method(&self, recv: i64, name: i64, callable: &dyn Fn(&i64) -> bool) -> Option<i64> {
        match self.obj(recv) {
            Some(Obj::Object(..) | Obj::Function(_)) => {
                let key = self.key_of(name);
                self.lookup(recv, &key).filter(callable)
            }
            // `handlers[i](…)`: a function kept in an array.
            Some(Obj::Arr(items)) => {
                let i = match number_value(name) {
                    Some(n) if n >= 0.0 && n.fract() == 0.0 => n as usize,
                    _ => {
                        let k = self.str_of(name)?;
                        match array_index(k) {
                            Some(i) => i as usize,
                            // A function the array has as a named property
                            // (`list.push = function …`) shadows the
                            // built-in method (ES5 §8.12.2).
                            None => return self.array_prop(recv, k).filter(callable),
                        }
                    }
                };
                items.get(i).copied().filter(callable)
            }
            _ => None,
        }
    }

    /// `o.m(v)` for the built-in methods of arrays and strings that run no
    /// script code (no callback, no script `toString` of items), made
    /// straight on the host: what `calls::call_method` would end up doing,
    /// without its arguments array and its checks for script methods
    /// (there can be none while no script has added to a built-in
    /// prototype and the array has no function of that name of its own:
    /// a string has no own properties, `own_js_method`). `arr.push(v)`,
    /// the commonest method call after `botContext`'s, pushes in place.
    /// `None`: any other call, made the usual way.
    pub(crate) fn method1(&mut self, recv: i64, name: i64, v: i64) -> Option<i64> {
        if !self.proto_props.is_empty() {
            return None;
        }
        let slot = value::as_reference(recv)?;
        let method = self.str_of(name)?;
        // An array's own function of that name is what the call calls
        // (`own_js_method`).
        if self.array_prop(recv, method).is_some() {
            return None;
        }
        match self.heap.get(slot)? {
            Obj::Arr(items) if &**method == "push" => {
                // As `array_method` pushes (the quota checked first).
                let n = items.len() + 1;
                if self.charge(8)
                    && let Some(Obj::Arr(items)) = self.heap.get_mut(slot)
                {
                    items.push(v);
                }
                Some(value::number(n as f64))
            }
            Obj::Arr(_) if matches!(&**method, "indexOf" | "lastIndexOf" | "includes" | "slice" | "concat") => {
                Some(self.call_method_on(recv, name, &[v]))
            }
            Obj::Str(_)
                if matches!(
                    &**method,
                    "indexOf"
                        | "lastIndexOf"
                        | "includes"
                        | "startsWith"
                        | "endsWith"
                        | "charAt"
                        | "charCodeAt"
                        | "split"
                        | "substring"
                        | "substr"
                        | "slice"
                        | "repeat"
                        | "padStart"
                        | "padEnd"
                ) =>
            {
                Some(self.call_method_on(recv, name, &[v]))
            }
            _ => None,
        }
    }

    pub(crate) fn is_function(&self, v: i64) -> bool {
        matches!(self.obj(v), Some(Obj::Function(_) | Obj::Bound { .. } | Obj::Method { .. }))
    }

    pub(crate) fn is_array(&self, v: i64) -> bool {
        matches!(self.obj(v), Some(Obj::Arr(_)))
    }

    /// Item `i` of an array, if it has one.
    pub(crate) fn item(&self, arr: i64, i: usize) -> Option<i64> {
        match self.obj(arr) {
            Some(Obj::Arr(items)) => items.get(i).copied(),
            _ => None,
        }
    }

    pub(crate) fn len(&self, arr: i64) -> usize {
        match self.obj(arr) {
            Some(Obj::Arr(items)) => items.len(),
            _ => 0,
        }
    }

    pub(crate) fn replace_items(&mut self, arr: i64, new: Vec<i64>) {
        if let Some(i) = value::as_reference(arr)
            && let Some(Obj::Arr(items)) = self.heap.get_mut(i)
        {
            *items = new;
        }
    }

    /// The reads most code makes, answered before `get`'s general path:
    /// a property a plain object has itself, an item or the length of an
    /// array. `None` for anything else (and whenever scripts have added to
    /// a built-in prototype, which `get` checks first).
    #[inline]
    fn get_common(&self, obj: i64, key: i64) -> Option<i64> {
        if !self.proto_props.is_empty() {
            return None;
        }
        self.own_or_item(obj, key)
    }

    /// [`Host::get_common`] once it is known that no script has added to a
    /// built-in prototype. Always inlined: out of line, its entry and exit
    /// (five saved registers) were a third of a read path's step (json
    /// panel −1.8 % instructions inlined).
    #[inline(always)]
    fn own_or_item(&self, obj: i64, key: i64) -> Option<i64> {
        match self.obj(obj)? {
            Obj::Object(props, _) => {
                let k = self.str_of(key)?;
                // The same work `lookup` counts for the object.
                self.add_work(props.len() as u64 + 1);
                // Names are mostly shared (`key_name`, the program's
                // constants): by pointer first, then by text.
                let same = match k {
                    Text::Shared(k) => props.iter().find(|p| Arc::ptr_eq(&p.0, k)),
                    Text::Owned(_) => None,
                };
                same.or_else(|| props.iter().find(|p| *p.0 == **k)).map(|p| p.1)
            }
            Obj::Arr(items) => {
                if let Some(n) = number_value(key) {
                    // An array index (ES5 §15.4: an integer below 2^32 − 1,
                    // -0 included) survives the round trip through i64; a
                    // fraction, NaN, a negative or a bigger number is a name
                    // (no libm `trunc` call, as `fract` makes on baseline
                    // x86-64; the signed conversions are single
                    // instructions, unlike usize's).
                    let i = n as i64;
                    let index = i as f64 == n && (0..i64::from(u32::MAX)).contains(&i);
                    return index.then(|| items.get(i as usize).copied().unwrap_or(UNDEFINED));
                }
                (&**self.str_of(key)? == "length").then(|| value::number(items.len() as f64))
            }
            _ => None,
        }
    }

    /// The object literal operations with an immediate `n` (codes from 256:
    /// `op::OBJECT`, `op::OBJECT_MORE`; the op import routes `op::GET_PATH`
    /// to `read_path` or `calls::get_path`).
    pub(crate) fn op_with(&mut self, op: i32, n: usize, a: i64, b: i64, c: i64) -> i64 {
        match op {
            // The object gets all its names at once, the values after the
            // first three `UNFILLED` until OBJECT_MORE writes them: nothing
            // can see a literal before it is complete (compile.rs
            // `plain_literal`).
            op::OBJECT => self.literal_object(n, |i| [a, b, c].get(i).copied().unwrap_or(UNFILLED)),
            op::TREE => self.tree(n, [a, b, c]),
            op::OBJECT_MORE => {
                // Only literals made by OBJECT get here (a plain object);
                // the values written so far are a prefix.
                if let Some(slot) = value::as_reference(a)
                    && let Some(Obj::Object(props, _)) = self.heap.get_mut(slot)
                {
                    let at = props.partition_point(|p| p.1 != UNFILLED);
                    for (p, v) in props.iter_mut().skip(at).zip([b, c]) {
                        p.1 = v;
                    }
                }
                self.add_work(2);
                a
            }
            _ => self.throw("Error", format!("cbot: no operation {op} with an immediate")),
        }
    }

    /// An object of key list `n` with `value(i)` as its `i`th value, in the
    /// buffer an earlier literal of the list left if there is one.
    fn literal_object(&mut self, n: usize, value: impl Fn(usize) -> i64) -> i64 {
        // The key list is borrowed, not cloned: an `Arc` clone is an atomic
        // increment and decrement, which cost more than the rest of a small
        // literal on some machines (benches/RESULTS.md, session 12).
        let Some(Shape { keys, bytes, converts }) = self.shapes.get(n) else {
            return self.throw("Error", format!("cbot: no key list {n}"));
        };
        let (bytes, converts) = (*bytes, *converts);
        let props = match self.shaped_spares.get_mut(n).and_then(Vec::pop) {
            // Its names are this shape's (`recycle_heap`).
            Some(mut props) => {
                self.shaped_count -= 1;
                for (i, p) in props.iter_mut().enumerate() {
                    p.1 = value(i);
                }
                props
            }
            None => {
                let mut props = take_spare(&mut self.spare_props, keys.len());
                props.extend(keys.iter().enumerate().map(|(i, k)| (k.clone(), value(i))));
                props
            }
        };
        self.key_conversions |= converts;
        self.add_work(props.len() as u64);
        let v = self.alloc(Obj::Object(props, UNDEFINED), bytes);
        // No more are recorded than can be kept (the list is not charged to
        // the heap quota, and outlives the run).
        if let Some(slot) = value::as_reference(v)
            && self.literals.len() < SPARES_MAX
        {
            self.literals.push((slot as u32, n as u32));
        }
        v
    }

    /// `op::TREE`: the literals of nest `n`, innermost first, the outermost
    /// returned. Its values were all evaluated before (compile.rs
    /// `tree_literal`: nothing can see a literal before it is complete).
    fn tree(&mut self, n: usize, operands: [i64; 3]) -> i64 {
        // The table is taken out while the nodes are made (no reference
        // count changes, unlike a clone of the `Arc`), and put back.
        let Some(trees) = self.trees.take() else { return UNDEFINED };
        let mut made = [UNDEFINED; TREE_NODES_MAX];
        let mut last = UNDEFINED;
        let tree = trees.get(n);
        for (i, node) in tree.map_or(&[][..], |t| &t.nodes).iter().enumerate() {
            let value = |s: &TreeSlot| match *s {
                TreeSlot::Operand(k) => operands.get(usize::from(k)).copied().unwrap_or(UNDEFINED),
                TreeSlot::Const(v) => v,
                TreeSlot::Node(j) => made.get(j as usize).copied().unwrap_or(UNDEFINED),
            };
            last = match node {
                TreeNode::Object(shape, slots) => {
                    self.literal_object(*shape as usize, |k| slots.get(k).map_or(UNFILLED, value))
                }
                TreeNode::Array(slots) => {
                    let mut items = self.items_buf(slots.len());
                    items.extend(slots.iter().map(value));
                    self.alloc_array(items)
                }
            };
            if let Some(m) = made.get_mut(i) {
                *m = last;
            }
        }
        // The nests `JSON.stringify` can write from their text, by slot (in
        // the order made, so sorted).
        if tree.is_some_and(|t| t.json.is_some())
            && let Some(slot) = value::as_reference(last)
            && self.nests.len() < SPARES_MAX
        {
            self.nests.push((slot as u32, n as u32));
        }
        self.trees = Some(trees);
        last
    }

    /// The names of key list `n` (`op::OBJECT`).
    pub(crate) fn shape_keys(&self, n: usize) -> Option<&[Arc<str>]> {
        self.shapes.get(n).map(|s| &*s.keys)
    }

    /// The nest (`op::TREE`) of which object `v` is the outermost literal,
    /// if `v` is one this run made, with the nest table (`Host::tree`).
    pub(crate) fn nest_of(&self, v: i64) -> Option<&Tree> {
        if self.nests.is_empty() {
            return None;
        }
        let slot = value::as_reference(v)? as u32;
        let at = self.nests.binary_search_by_key(&slot, |n| n.0).ok()?;
        self.trees.as_ref()?.get(self.nests.get(at)?.1 as usize)
    }

    /// Key `i` of read path `n` (`op::GET_PATH` with operands `b`, `c`);
    /// `None` past its end.
    #[inline]
    pub(crate) fn path_key(&self, n: usize, i: usize, b: i64, c: i64) -> Option<i64> {
        Some(self.paths.get(n)?.get(i)?.value(b, c))
    }

    /// Records a JavaScript error (see [`Host::throw`]).
    pub(crate) fn type_error(&mut self, message: impl Into<String>) -> i64 {
        self.throw("TypeError", message)
    }

    /// `a + b` once script conversions are done (ES5 §11.6.1): a string
    /// if either side's primitive is one, else a number.
    pub(crate) fn add(&mut self, a: i64, b: i64) -> i64 {
        // A string or an object (whose ToPrimitive, with no script
        // valueOf/toString here, is its string form) makes the sum a
        // string; `append_js_string` writes either form.
        if concatenates(a) || concatenates(b) {
            // Both sides are written into a spare buffer (`joined`), which
            // the string keeps.
            let buf = self.joined(a, b);
            self.string(buf)
        } else {
            value::number(self.to_number(a) + self.to_number(b))
        }
    }

    /// A step of a chain `x1 + x2 + … + xn` (compile.rs `concat`):
    /// `op::CAT_START` adds x1 and x2, `op::CAT_MORE` adds the next
    /// operand, `op::CAT_END` the last. Each is `+` (ES5 §11.6.1, the
    /// operands already converted by script valueOf/toString where they
    /// have one: calls.rs `op2`), except that once the sum is a string it
    /// goes into a builder on `builders` and the step returns a marker of
    /// it (`CAT_MARK`) for the next step, which appends; the last makes
    /// the one string. Builders nest (an operand may run a chain of its
    /// own); one left behind by an exception thrown inside an operand is
    /// dropped when an outer chain's next step finds it above its own.
    /// Appended text is charged to the heap quota as it grows, as the
    /// strings made per `+` were.
    pub(crate) fn concat(&mut self, code: i32, a: i64, b: i64) -> i64 {
        let Some(at) = cat_depth(a).filter(|&k| k < self.builders.len()) else {
            if code == op::CAT_END || !(concatenates(a) || concatenates(b)) {
                return self.add(a, b);
            }
            let buf = self.joined(a, b);
            self.charge(buf.len());
            self.builders.push(buf);
            return CAT_MARK | (self.builders.len() - 1) as i64;
        };
        if self.builders.len() > at + 1 {
            self.recycle_builders(at + 1);
        }
        let Some(mut buf) = self.builders.get_mut(at).map(std::mem::take) else { return UNDEFINED };
        let before = buf.len();
        // ToString(ToPrimitive(b)): an object converts through its string
        // form (no script valueOf/toString gets here: calls.rs `op2`),
        // which `append_js_string` writes without a heap string between.
        self.append_js_string(b, &mut buf);
        self.charge(buf.len() - before);
        if code != op::CAT_END {
            if let Some(slot) = self.builders.get_mut(at) {
                *slot = buf;
            }
            return a;
        }
        // The string keeps the builder's buffer (no copy).
        self.builders.truncate(at);
        self.string(buf)
    }

    /// `op::CAT_MORE_LITERAL` and `op::CAT_END_LITERAL`: a step of a
    /// chain of `+` (`concat`), then the string literal `lit` after it.
    pub(crate) fn concat_literal(&mut self, code: i32, a: i64, b: i64, lit: i64) -> i64 {
        let sum = self.concat(op::CAT_MORE, a, b);
        self.concat_literal_after(code, sum, lit)
    }

    /// The second half of [`Host::concat_literal`]: `lit` after `sum`.
    pub(crate) fn concat_literal_after(&mut self, code: i32, sum: i64, lit: i64) -> i64 {
        self.concat(if code == op::CAT_END_LITERAL { op::CAT_END } else { op::CAT_MORE }, sum, lit)
    }

    /// The string forms of `a` and `b` (ToString of their ToPrimitive, no
    /// script conversion involved), one after the other, in a spare buffer
    /// (`take_builder`).
    fn joined(&mut self, a: i64, b: i64) -> String {
        let mut buf = self.take_builder();
        self.append_js_string(a, &mut buf);
        self.append_js_string(b, &mut buf);
        buf
    }

    /// Drops the builders from `depth` on (see `concat`).
    fn recycle_builders(&mut self, depth: usize) {
        while self.builders.len() > depth {
            if let Some(buf) = self.builders.pop() {
                self.give_builder(buf);
            }
        }
    }

    /// An empty string buffer, a spare one if there is one.
    pub(crate) fn take_builder(&mut self) -> String {
        match self.spare_builders.pop() {
            Some(buf) => {
                self.spare_text_bytes = self.spare_text_bytes.saturating_sub(buf.capacity());
                buf
            }
            None => String::new(),
        }
    }

    /// A new string with a copy of `s`, in a spare buffer if there is one.
    pub(crate) fn copy_string(&mut self, s: &str) -> i64 {
        let mut buf = self.take_builder();
        buf.push_str(s);
        self.string(buf)
    }

    /// Keeps an emptied string buffer for reuse, unless it is huge (a big
    /// concatenation does not pin its memory) or the spares already hold
    /// `TEXT_SPARE_BYTES`.
    pub(crate) fn give_builder(&mut self, mut buf: String) {
        let cap = buf.capacity();
        if cap > 0 && cap <= BUFFER_KEPT_MAX && self.spare_text_bytes + cap <= TEXT_SPARE_BYTES {
            buf.clear();
            self.spare_text_bytes += cap;
            self.spare_builders.push(buf);
        }
    }

    /// `op::GET` (`a[b]`) or `op::GET2` (`a[b][c]`).
    #[inline]
    pub(crate) fn read(&mut self, op: i32, a: i64, b: i64, c: i64) -> i64 {
        let x = self.get(a, b);
        if op == op::GET || x == EXCEPTION { x } else { self.get(x, c) }
    }

    /// `op::GET_PATH`: the reads of path `n` from `a` (operands `b`, `c`).
    #[inline]
    pub(crate) fn read_path(&mut self, n: usize, a: i64, b: i64, c: i64) -> i64 {
        let Some(path) = self.paths.get(n) else { return a };
        // The common reads straight from the path (`get_common` reads the
        // heap only)…
        let mut x = a;
        let mut done = 0;
        if self.proto_props.is_empty() {
            for key in path.iter() {
                match self.own_or_item(x, key.value(b, c)) {
                    Some(v) => x = v,
                    None => break,
                }
                done += 1;
            }
        }
        if done == path.len() {
            return x;
        }
        // …the rest as `get` reads, which needs the host mutably: the
        // keys are copied out of the path first.
        let mut keys = [UNDEFINED; PATH_MAX];
        let len = path.len().min(PATH_MAX);
        for (slot, key) in keys.iter_mut().zip(path.iter()) {
            *slot = key.value(b, c);
        }
        for &k in keys.iter().take(len).skip(done) {
            x = self.get(x, k);
            if x == EXCEPTION {
                break;
            }
        }
        x
    }

    /// A property read (ES5 §8.12.3 [[Get]], with the built-ins' own).
    #[inline]
    pub(crate) fn get(&mut self, obj: i64, key: i64) -> i64 {
        match self.get_common(obj, key) {
            Some(v) => v,
            None => self.get_general(obj, key),
        }
    }

    /// Every read [`Host::get_common`] does not answer; kept out of line
    /// so that the common reads do not pay for its frame.
    #[inline(never)]
    fn get_general(&mut self, obj: i64, key: i64) -> i64 {
        if obj == UNDEFINED || obj == NULL {
            let k = self.to_js_string(key);
            let what = self.to_js_string(obj);
            return self.throw("TypeError", format!("Cannot read property '{k}' of {what}"));
        }
        if let Some(v) = self.added_proto_prop(obj, key) {
            return v;
        }
        // An integer key, for strings and arrays (computed only for them).
        let index = || number_value(key).filter(|n| n.fract() == 0.0 && *n >= 0.0).map(|n| n as usize);
        match self.obj(obj) {
            Some(Obj::Str(_)) => {
                let Some(s) = self.share(obj) else { return UNDEFINED };
                let index = index().or_else(|| self.str_of(key).and_then(|k| array_index(k)).map(|i| i as usize));
                if let Some(i) = index {
                    // Index by UTF-16 code unit, as JavaScript does: a byte
                    // of an ASCII string, else a walk from the start.
                    let len = self.utf16_len(&s);
                    if i >= len.units {
                        return UNDEFINED;
                    }
                    if len.ascii {
                        return self.string(&s[i..=i]);
                    }
                    self.add_work(i as u64);
                    return match s.encode_utf16().nth(i) {
                        Some(u) => self.string(String::from_utf16_lossy(&[u])),
                        None => UNDEFINED,
                    };
                }
                let k = self.key_of(key);
                if &*k == "length" {
                    value::number(self.utf16_len(&s).units as f64)
                } else if &*k == "constructor" {
                    builtin_ref("String")
                } else if proto_methods("String").contains(&&*k) {
                    self.method_value(UNDEFINED, k)
                } else {
                    UNDEFINED
                }
            }
            Some(Obj::Arr(items)) => {
                if let Some(i) = index() {
                    return items.get(i).copied().unwrap_or(UNDEFINED);
                }
                let k = self.key_of(key);
                if &*k == "length" {
                    return value::number(items.len() as f64);
                }
                match array_index(&k) {
                    Some(i) => items.get(i as usize).copied().unwrap_or(UNDEFINED),
                    None => match self.array_prop(obj, &k) {
                        Some(v) => v,
                        None if &*k == "constructor" => builtin_ref("Array"),
                        // Array methods as values work on array-likes too
                        // (`calls::generic_this`).
                        None if proto_methods("Array").contains(&&*k) => self.method_value(proto_ref("Array"), k),
                        None => UNDEFINED,
                    },
                }
            }
            Some(Obj::Object(..)) => {
                // The common case, a string key found on the object or its
                // chain, without touching the key's reference count.
                if let Some(v) = self.str_of(key).and_then(|k| self.lookup(obj, k)) {
                    return v;
                }
                let k = self.key_of(key);
                // What an object made by a constructor whose prototype is
                // an error inherits from it (name, message, toString).
                if self.lookup(obj, &k).is_none()
                    && let Some(e) = self.error_ancestor(obj)
                {
                    return self.get(e, key);
                }
                match self.lookup(obj, &k) {
                    Some(v) => v,
                    None if self.host_class(obj).is_some_and(|c| host_class_methods(c).contains(&&*k)) => {
                        self.method_value(UNDEFINED, k)
                    }
                    // Object.prototype.constructor (ES5 §15.2.4.1).
                    None if &*k == "constructor" && self.inherits_object(obj) => builtin_ref("Object"),
                    // ES2015 Annex B.2.2.1.
                    None if &*k == "__proto__" => match self.obj(obj) {
                        Some(Obj::Object(_, UNDEFINED)) => proto_ref("Object"),
                        Some(Obj::Object(_, p)) => *p,
                        _ => UNDEFINED,
                    },
                    // Object.prototype's methods (scripts test `o.hasOwnProperty`).
                    None if proto_methods("Object").contains(&&*k) && self.inherits_object(obj) => {
                        self.method_value(UNDEFINED, k)
                    }
                    None => UNDEFINED,
                }
            }
            Some(Obj::Function(_)) => {
                let k = self.key_of(key);
                match self.lookup(obj, &k) {
                    Some(v) => v,
                    None if &*k == "prototype" => self.prototype_of(obj),
                    None if &*k == "constructor" => builtin_ref("Function"),
                    None if matches!(&*k, "length" | "name") => self.function_info(obj, &k),
                    None if proto_methods("Function").contains(&&*k) => self.method_value(UNDEFINED, k),
                    None => UNDEFINED,
                }
            }
            Some(Obj::Error(e)) => {
                let k = self.key_of(key);
                match &*k {
                    "name" => {
                        let n = e.name.clone();
                        self.string(n)
                    }
                    "message" => {
                        let m = e.message.clone();
                        self.string(m)
                    }
                    _ => match e.props.iter().find(|p| p.0 == k) {
                        Some(p) => p.1,
                        // The constructor of the error's kind.
                        None if &*k == "constructor" => {
                            let kind = CONSTRUCTORS.iter().take(7).find(|c| **c == &*e.name).copied();
                            builtin_ref(kind.unwrap_or("Error"))
                        }
                        None if proto_methods("Error").contains(&&*k) || proto_methods("Object").contains(&&*k) => {
                            self.method_value(UNDEFINED, k)
                        }
                        None => UNDEFINED,
                    },
                }
            }
            Some(Obj::Builtin(b)) => {
                let b = *b;
                let k = self.key_of(key);
                match (builtin_name(b), &*k) {
                    ("Math", "PI") => value::number(std::f64::consts::PI),
                    ("Math", "E") => value::number(std::f64::consts::E),
                    ("Math", "LN2") => value::number(std::f64::consts::LN_2),
                    ("Math", "LN10") => value::number(std::f64::consts::LN_10),
                    ("Math", "LOG2E") => value::number(std::f64::consts::LOG2_E),
                    ("Math", "LOG10E") => value::number(std::f64::consts::LOG10_E),
                    ("Math", "SQRT2") => value::number(std::f64::consts::SQRT_2),
                    ("Math", "SQRT1_2") => value::number(std::f64::consts::FRAC_1_SQRT_2),
                    ("Number", "MAX_VALUE") => value::number(f64::MAX),
                    ("Number", "MIN_VALUE") => value::number(f64::from_bits(1)),
                    ("Number", "NaN") => value::number(f64::NAN),
                    ("Number", "POSITIVE_INFINITY") => value::number(f64::INFINITY),
                    ("Number", "NEGATIVE_INFINITY") => value::number(f64::NEG_INFINITY),
                    ("Number", "EPSILON") => value::number(f64::EPSILON),
                    ("Number", "MAX_SAFE_INTEGER") => value::number(9_007_199_254_740_991.0),
                    ("Number", "MIN_SAFE_INTEGER") => value::number(-9_007_199_254_740_991.0),
                    (_, "prototype") if PROTOTYPES.contains(&builtin_name(b)) => proto_ref(builtin_name(b)),
                    // ES2015 §20.1.2.12–13: the same functions as the globals.
                    ("Number", g @ ("parseFloat" | "parseInt")) => builtin_ref(g),
                    (ns, name) if builtin_statics(ns).contains(&name) => self.method_value(obj, k),
                    _ => UNDEFINED,
                }
            }
            // `String.prototype.trim` and friends: the methods as values.
            Some(Obj::Proto(b)) => {
                let k = self.key_of(key);
                if let Some(p) = self.proto_props.iter().find(|p| p.0 == *b && p.1 == k) {
                    return p.2;
                }
                // ES5 §15.11.4.2–3.
                let kind = builtin_name(*b);
                if kind.ends_with("Error") && matches!(&*k, "name" | "message") {
                    return self.string(if &*k == "name" { kind } else { "" });
                }
                let name: Option<Arc<str>> = match builtin_name(*b) {
                    "Object" if &*k == "toString" => Some(Arc::from(OBJECT_TO_STRING)),
                    kind if proto_methods(kind).contains(&&*k) => Some(k),
                    _ => None,
                };
                let ns = if builtin_name(*b) == "Array" { proto_ref("Array") } else { UNDEFINED };
                name.map_or(UNDEFINED, |n| self.method_value(ns, n))
            }
            Some(Obj::RegExp(_)) => {
                let k = self.key_of(key);
                match self.regexp_get(obj, &k) {
                    Some(v) => v,
                    None if &*k == "constructor" => builtin_ref("RegExp"),
                    None if proto_methods("RegExp").contains(&&*k) => self.method_value(UNDEFINED, k),
                    None => UNDEFINED,
                }
            }
            Some(Obj::Bound { .. }) => {
                let k = self.key_of(key);
                match &*k {
                    "length" | "name" => self.function_info(obj, &k),
                    "constructor" => builtin_ref("Function"),
                    _ if proto_methods("Function").contains(&&*k) => self.method_value(UNDEFINED, k),
                    _ => UNDEFINED,
                }
            }
            // `botContext.sendMessage` as a value (a bound host method).
            Some(Obj::BotContext) => {
                let k = self.key_of(key);
                if cbot_host::method(&k).is_some() { self.method_value(obj, k) } else { UNDEFINED }
            }
            Some(Obj::Date(_)) => {
                let k = self.key_of(key);
                if &*k == "constructor" {
                    builtin_ref("Date")
                } else if proto_methods("Date").contains(&&*k) {
                    self.method_value(UNDEFINED, k)
                } else {
                    UNDEFINED
                }
            }
            _ => {
                // A number's or boolean's methods.
                let kind = if number_value(obj).is_some() {
                    "Number"
                } else if obj == TRUE || obj == FALSE {
                    "Boolean"
                } else {
                    return UNDEFINED;
                };
                let k = self.key_of(key);
                if &*k == "constructor" {
                    builtin_ref(kind)
                } else if proto_methods(kind).contains(&&*k) {
                    self.method_value(UNDEFINED, k)
                } else {
                    UNDEFINED
                }
            }
        }
    }

    /// A function's `length` (declared parameters) or `name` (ES5
    /// §15.3.5.1; names as ES2015 infers them, and `bound f` for bound
    /// functions, as node has them).
    fn function_info(&mut self, f: i64, key: &str) -> i64 {
        let (name, length): (Arc<str>, u32) = match self.obj(f) {
            Some(Obj::Function(func)) => {
                self.fn_info.get(func.slot.wrapping_sub(1) as usize).cloned().unwrap_or_else(|| (Arc::from(""), 0))
            }
            Some(Obj::Bound { target, args, .. }) => {
                let (target, bound) = (*target, args.len() as u32);
                let name = self.function_info(target, "name");
                let name = format!("bound {}", self.to_js_string(name));
                let length = self.function_info(target, "length");
                (name.into(), (self.to_number(length) as u32).saturating_sub(bound))
            }
            _ => (Arc::from(""), 0),
        };
        if key == "length" { value::number(f64::from(length)) } else { self.string(name) }
    }

    /// A built-in method as a function value: called with its `this` (or
    /// on `ns`, for `Math.max` and the other functions of a namespace).
    /// One value per method and run, so `a.push === b.push`.
    fn method_value(&mut self, ns: i64, name: Arc<str>) -> i64 {
        let key = (ns, name);
        if let Some(&v) = self.methods.get(&key) {
            return v;
        }
        let v = self.alloc(Obj::Method { ns, name: key.1.clone() }, 32);
        self.methods.insert(key, v);
        v
    }

    /// Own enumerable keys in for-in order (Object.keys).
    pub(crate) fn own_keys(&self, o: i64) -> Vec<Arc<str>> {
        match self.obj(o) {
            Some(Obj::Object(props, _)) => {
                props.iter().filter(|p| !self.hidden(o, &p.0)).map(|p| p.0.clone()).collect()
            }
            // A function's `prototype` is not enumerable (ES5 §13.2 step 17).
            Some(Obj::Function(f)) => f.props.iter().filter(|p| &*p.0 != "prototype").map(|p| p.0.clone()).collect(),
            Some(Obj::Error(e)) => e.props.iter().map(|p| p.0.clone()).collect(),
            Some(Obj::Arr(items)) => {
                let mut keys: Vec<Arc<str>> = (0..items.len()).map(|i| Arc::from(i.to_string())).collect();
                if let Some(props) = value::as_reference(o).and_then(|slot| self.arr_props.get(&slot)) {
                    keys.extend(props.iter().map(|p| p.0.clone()));
                }
                keys
            }
            Some(Obj::Str(s)) => (0..s.encode_utf16().count()).map(|i| Arc::from(i.to_string())).collect(),
            _ => Vec::new(),
        }
    }

    /// The attribute flags of `key` on `obj` (`ATTR_*`; 0 = the default).
    pub(crate) fn attr(&self, obj: i64, key: &str) -> u8 {
        if self.attrs.is_empty() {
            return 0;
        }
        value::as_reference(obj)
            .and_then(|slot| self.attrs.get(&slot))
            .and_then(|list| list.iter().find(|a| &*a.0 == key))
            .map_or(0, |a| a.1)
    }

    fn set_attr(&mut self, obj: i64, key: &str, flags: u8) {
        let Some(slot) = value::as_reference(obj) else { return };
        let list = self.attrs.entry(slot).or_default();
        match list.iter_mut().find(|a| &*a.0 == key) {
            Some(a) => a.1 = flags,
            None => list.push((Arc::from(key), flags)),
        }
    }

    /// Whether an own property is left out of enumeration.
    pub(crate) fn hidden(&self, obj: i64, key: &str) -> bool {
        self.attr(obj, key) & ATTR_HIDDEN != 0
    }

    /// `Object.defineProperty(o, key, desc)` for data properties (ES5
    /// §8.12.9): the value and the three flags; fields left out keep their
    /// value on an existing property and default to false on a new one.
    /// Accessors (`get`/`set`) are refused: see docs/known-differences.md.
    fn define_property(&mut self, o: i64, key: i64, desc: i64) -> Result<(), String> {
        if !matches!(self.obj(o), Some(Obj::Object(..) | Obj::Function(_))) {
            return Err("Object.defineProperty called on non-object".into());
        }
        if !self.is_object(desc) {
            return Err("Property description must be an object".into());
        }
        let k = self.key_of(key);
        self.note_key(&k);
        let exists = value::as_reference(o)
            .and_then(|slot| self.props_mut(slot))
            .is_some_and(|props| props.iter().any(|p| p.0 == k));
        if !exists && self.attr(o, "") & ATTR_SEALED != 0 {
            return Err(format!("Cannot define property {k}, object is not extensible"));
        }
        let (get, set) = (self.lookup(desc, "get"), self.lookup(desc, "set"));
        if get.is_some() || set.is_some() {
            if self.lookup(desc, "value").is_some() || self.lookup(desc, "writable").is_some() {
                return Err(
                    "Invalid property descriptor. Cannot both specify accessors and a value or writable attribute"
                        .into(),
                );
            }
            for f in [get, set].into_iter().flatten() {
                if f != UNDEFINED && self.callable_slot(f).is_none() {
                    return Err(format!("Getter must be a function: {}", self.to_js_string(f)));
                }
            }
            if exists && self.attr(o, &k) & ATTR_FIXED != 0 {
                return Err(format!("Cannot redefine property: {k}"));
            }
            if let Some(g) = get {
                self.define_accessor(o, key, g, true);
            }
            if let Some(s) = set {
                self.define_accessor(o, key, s, false);
            }
            // ES5 §8.6.1: defineProperty's missing attributes are false.
            let mut flags = if exists { self.attr(o, &k) & !ATTR_READONLY } else { ATTR_HIDDEN | ATTR_FIXED };
            for (field, bit) in [("enumerable", ATTR_HIDDEN), ("configurable", ATTR_FIXED)] {
                if let Some(v) = self.lookup(desc, field) {
                    if self.truthy(v) { flags &= !bit } else { flags |= bit }
                }
            }
            self.set_attr(o, &k, flags);
            return Ok(());
        }
        let old = if exists { self.attr(o, &k) } else { ATTR_HIDDEN | ATTR_READONLY | ATTR_FIXED };
        // A non-configurable accessor cannot become a data property.
        if old & ATTR_FIXED != 0 && exists && self.lookup(o, &k).and_then(|v| self.accessor(v)).is_some() {
            return Err(format!("Cannot redefine property: {k}"));
        }
        if old & ATTR_FIXED != 0 && exists {
            // A non-configurable property can only lose writability.
            let value = self.lookup(desc, "value");
            if old & ATTR_READONLY != 0
                && value.is_some_and(|v| !self.strict_equals(v, self.lookup(o, &k).unwrap_or(UNDEFINED)))
            {
                return Err(format!("Cannot redefine property: {k}"));
            }
        }
        let mut flags = old;
        for (field, bit) in [("enumerable", ATTR_HIDDEN), ("writable", ATTR_READONLY), ("configurable", ATTR_FIXED)] {
            if let Some(v) = self.lookup(desc, field) {
                if self.truthy(v) { flags &= !bit } else { flags |= bit }
            }
        }
        let value = self.lookup(desc, "value");
        if let Some(props) = value::as_reference(o).and_then(|slot| self.props_mut(slot)) {
            match props.iter_mut().find(|p| p.0 == k) {
                Some(p) => {
                    if let Some(v) = value {
                        p.1 = v;
                    }
                }
                None => props.push((k.clone(), value.unwrap_or(UNDEFINED))),
            }
        }
        self.set_attr(o, &k, flags);
        Ok(())
    }

    /// Makes own property `key` of `o` an accessor with this getter (or
    /// setter), keeping the other half if it already is one.
    pub(crate) fn define_accessor(&mut self, o: i64, key: i64, f: i64, getter: bool) {
        let k = self.key_of(key);
        self.note_key(&k);
        let existing = value::as_reference(o)
            .and_then(|slot| match self.heap.get(slot) {
                Some(Obj::Object(props, _)) => props.iter().find(|p| p.0 == k).map(|p| p.1),
                _ => None,
            })
            .and_then(|v| self.accessor(v).map(|pair| (v, pair)));
        self.accessors = true;
        match existing {
            Some((acc, _)) => {
                if let Some(Obj::Accessor { get, set }) = value::as_reference(acc).and_then(|i| self.heap.get_mut(i)) {
                    if getter { *get = f } else { *set = f }
                }
            }
            None => {
                let (get, set) = if getter { (f, UNDEFINED) } else { (UNDEFINED, f) };
                let acc = self.alloc(Obj::Accessor { get, set }, 16);
                if let Some(props) = value::as_reference(o).and_then(|slot| self.props_mut(slot)) {
                    match props.iter_mut().find(|p| p.0 == k) {
                        Some(p) => p.1 = acc,
                        None => props.push((k, acc)),
                    }
                }
            }
        }
    }

    /// The (getter, setter) of an accessor property's stored value.
    /// Whether any property attribute (read-only, hidden, …) was set this
    /// run.
    pub(crate) fn any_attrs(&self) -> bool {
        !self.attrs.is_empty()
    }

    pub(crate) fn accessor(&self, v: i64) -> Option<(i64, i64)> {
        match self.obj(v) {
            Some(Obj::Accessor { get, set }) => Some((*get, *set)),
            _ => None,
        }
    }

    /// The accessor `obj.key` resolves to, on the object or its prototype
    /// chain (only once the run has made one).
    pub(crate) fn accessor_at(&self, obj: i64, key: i64) -> Option<(i64, i64)> {
        if !self.accessors {
            return None;
        }
        let named;
        let k = match self.str_of(key) {
            Some(s) => &**s,
            None => {
                named = self.to_js_string(key);
                named.as_str()
            }
        };
        self.lookup(obj, k).and_then(|v| self.accessor(v))
    }

    /// `Object.defineProperties(o, descs)` (and `Object.create`'s second
    /// argument): one `define_property` per own key of `descs`.
    fn define_properties(&mut self, o: i64, descs: i64) -> Result<(), String> {
        for k in self.own_keys(descs) {
            let key = self.string(k);
            let d = self.get(descs, key);
            self.define_property(o, key, d)?;
        }
        Ok(())
    }

    /// `Object.getOwnPropertyDescriptor(o, key)`.
    fn property_descriptor(&mut self, o: i64, key: i64) -> i64 {
        let k = self.key_of(key);
        let (value, flags) = match self.obj(o) {
            Some(Obj::Object(props, _)) => match props.iter().find(|p| p.0 == k) {
                Some(p) => (p.1, self.attr(o, &k)),
                None => return UNDEFINED,
            },
            Some(Obj::Function(f)) => match f.props.iter().find(|p| p.0 == k) {
                Some(p) => (p.1, self.attr(o, &k)),
                None => return UNDEFINED,
            },
            Some(Obj::Arr(items)) if &*k == "length" => (value::number(items.len() as f64), ATTR_HIDDEN | ATTR_FIXED),
            Some(Obj::Arr(items)) => match array_index(&k).and_then(|i| items.get(i as usize)) {
                Some(&v) => (v, self.attr(o, "") & (ATTR_READONLY | ATTR_FIXED)),
                None => return UNDEFINED,
            },
            _ => return UNDEFINED,
        };
        let d = self.alloc_object(UNDEFINED);
        // An accessor's descriptor has get/set instead of value/writable.
        if let Some((get, set)) = self.accessor(value) {
            for (field, v) in [
                ("get", get),
                ("set", set),
                ("enumerable", value::boolean(flags & ATTR_HIDDEN == 0)),
                ("configurable", value::boolean(flags & ATTR_FIXED == 0)),
            ] {
                let key = self.string(field);
                self.op3(op::PUT, d, key, v);
            }
            return d;
        }
        for (field, v) in [
            ("value", value),
            ("writable", value::boolean(flags & ATTR_READONLY == 0)),
            ("enumerable", value::boolean(flags & ATTR_HIDDEN == 0)),
            ("configurable", value::boolean(flags & ATTR_FIXED == 0)),
        ] {
            let key = self.string(field);
            self.op3(op::PUT, d, key, v);
        }
        d
    }

    /// freeze / seal / preventExtensions (ES5 §15.2.3.8–10).
    fn restrict(&mut self, o: i64, how: &str) {
        let keys: Vec<Arc<str>> = match self.obj(o) {
            Some(Obj::Object(props, _)) => props.iter().map(|p| p.0.clone()).collect(),
            Some(Obj::Function(f)) => f.props.iter().map(|p| p.0.clone()).collect(),
            Some(Obj::Arr(_)) => Vec::new(),
            _ => return,
        };
        let add = match how {
            "freeze" => ATTR_READONLY | ATTR_FIXED,
            "seal" => ATTR_FIXED,
            _ => 0,
        };
        for k in keys {
            let f = self.attr(o, &k) | add;
            self.set_attr(o, &k, f);
        }
        let own = self.attr(o, "")
            | ATTR_SEALED
            | if how == "freeze" {
                ATTR_READONLY | ATTR_FIXED
            } else if how == "seal" {
                ATTR_FIXED
            } else {
                0
            };
        self.set_attr(o, "", own);
    }

    /// isFrozen / isSealed / isExtensible.
    fn restricted(&self, o: i64, how: &str) -> bool {
        let own = self.attr(o, "");
        let keys: Vec<Arc<str>> = match self.obj(o) {
            Some(Obj::Object(props, _)) => props.iter().map(|p| p.0.clone()).collect(),
            Some(Obj::Function(f)) => f.props.iter().map(|p| p.0.clone()).collect(),
            Some(Obj::Arr(items)) if !items.is_empty() => {
                return own & ATTR_SEALED != 0 && (how == "seal" || own & ATTR_READONLY != 0);
            }
            Some(_) => Vec::new(),
            None => return true,
        };
        let need = if how == "freeze" { ATTR_READONLY | ATTR_FIXED } else { ATTR_FIXED };
        own & ATTR_SEALED != 0 && keys.iter().all(|k| self.attr(o, k) & need == need)
    }

    fn host_class(&self, obj: i64) -> Option<&'static str> {
        match self.obj(obj) {
            Some(Obj::Object(_, p)) => match self.obj(*p) {
                Some(Obj::HostClass(c)) => Some(c),
                _ => None,
            },
            _ => None,
        }
    }

    /// Gives a botContext result the methods CB's Java objects have
    /// (JS-USAGE §3.1): `getUserLocation()` → `getCityName()`…,
    /// `getNamedEntities()` → entities with `getPhrase()`/`getDataValue()`,
    /// and a whole context-service namespace → a Java-Map-like object
    /// (`keySet()`, `get()`, `size()`) that also indexes as `map[key]`.
    fn host_object(&mut self, method: &str, argc: usize, v: i64) -> i64 {
        let class = match method {
            "getUserLocation" => "Location",
            "getNamedEntities" => "Entity",
            "getContextDataForUser" | "getContextDataForConversation" if argc == 1 => "HashMap",
            _ => return v,
        };
        let targets = if class == "Entity" { self.args(v) } else { vec![v] };
        let proto = self.alloc(Obj::HostClass(class), 0);
        for t in targets {
            if let Some(Obj::Object(_, p)) = value::as_reference(t).and_then(|slot| self.heap.get_mut(slot)) {
                *p = proto;
            }
        }
        v
    }

    /// A method of a host object (`host_object`), on its data properties.
    fn host_object_method(&mut self, class: &str, recv: i64, name: &str, argv: &[i64]) -> i64 {
        let field = |h: &Self, k: &str| h.lookup(recv, k).unwrap_or(NULL);
        let arg = argv.first().copied().unwrap_or(UNDEFINED);
        match (class, name) {
            ("Location", "getCityName") => field(self, "cityName"),
            ("Location", "getState") => field(self, "state"),
            ("Location", "getZipCode") => field(self, "zipCode"),
            ("Location", "getLatitude") => field(self, "latitude"),
            ("Location", "getLongitude") => field(self, "longitude"),
            ("Entity", "getName") => field(self, "name"),
            ("Entity", "getPhrase") => field(self, "phrase"),
            ("Entity", "getDataValue") => field(self, "dataValue"),
            ("HashMap", "keySet") => {
                let keys = self.own_keys(recv).into_iter().map(|k| self.string(k)).collect();
                self.alloc_array(keys)
            }
            ("HashMap", "values") => {
                let keys = self.own_keys(recv);
                let items = keys.iter().map(|k| field(self, k)).collect();
                self.alloc_array(items)
            }
            ("HashMap", "get") => {
                let k = self.key_of(arg);
                field(self, &k)
            }
            ("HashMap", "containsKey") => {
                let k = self.key_of(arg);
                value::boolean(self.own_keys(recv).contains(&k))
            }
            ("HashMap", "size") => value::number(self.own_keys(recv).len() as f64),
            ("HashMap", "isEmpty") => value::boolean(self.own_keys(recv).is_empty()),
            // Java's AbstractMap.toString: `{a=1, b=x}`.
            ("HashMap", "toString") => {
                let parts: Vec<String> = self
                    .own_keys(recv)
                    .iter()
                    .map(|k| {
                        let v = field(self, k);
                        format!("{k}={}", self.to_js_string(v))
                    })
                    .collect();
                let text = format!("{{{}}}", parts.join(", "));
                self.string(text)
            }
            (_, "toString") => self.string("[object Object]"),
            _ => self.throw("TypeError", format!("{class} has no method '{name}'")),
        }
    }

    /// Whether an object's prototype chain ends at Object.prototype (not
    /// at `null`, as for `Object.create(null)`).
    fn inherits_object(&self, obj: i64) -> bool {
        let mut at = obj;
        for _ in 0..10_000 {
            match self.obj(at) {
                Some(Obj::Object(_, p)) => at = *p,
                _ => return at != NULL,
            }
        }
        true
    }

    /// Whether `target` is on the prototype chain that starts at `at` (`at`
    /// itself included), following plain objects' prototypes. Chains made
    /// by scripts are acyclic (`set_proto` refuses cycles); the bound is a
    /// guard.
    fn chain_has(&self, mut at: i64, target: i64) -> bool {
        for _ in 0..10_000 {
            if at == target {
                return true;
            }
            at = match self.obj(at) {
                Some(Obj::Object(_, p)) => *p,
                _ => return false,
            };
        }
        false
    }

    /// `o.__proto__ = p` (ES2015 Annex B.2.2.1): objects and `null` change
    /// the prototype, anything else is ignored; a cycle is a TypeError.
    fn set_proto(&mut self, o: i64, p: i64) -> i64 {
        let proto = match self.obj(p) {
            _ if p == NULL => NULL,
            Some(Obj::Proto(b)) if builtin_name(*b) == "Object" => UNDEFINED,
            Some(Obj::Object(..) | Obj::Proto(_) | Obj::Error(_)) => p,
            _ => return p,
        };
        if self.chain_has(proto, o) {
            return self.throw("TypeError", "Cyclic __proto__ value");
        }
        if let Some(i) = value::as_reference(o)
            && let Some(Obj::Object(_, slot)) = self.heap.get_mut(i)
        {
            *slot = proto;
        }
        p
    }

    /// The error a plain object inherits from, if any: the first link of
    /// its prototype chain that is an Error object or `Error.prototype`.
    fn error_ancestor(&self, obj: i64) -> Option<i64> {
        let mut at = match self.obj(obj) {
            Some(Obj::Object(_, p)) => *p,
            _ => return None,
        };
        for _ in 0..10_000 {
            match self.obj(at) {
                Some(Obj::Object(_, p)) => at = *p,
                Some(Obj::Error(_)) => return Some(at),
                Some(Obj::Proto(b)) if builtin_name(*b).ends_with("Error") => return Some(at),
                _ => return None,
            }
        }
        None
    }

    /// Error.prototype.toString (ES5 §15.11.4.4) for an object that
    /// inherits from an error: `name: message`, each read through the chain.
    fn error_string(&self, obj: i64) -> Option<String> {
        let e = self.error_ancestor(obj)?;
        let field = |key: &str| -> String {
            match self.lookup(obj, key) {
                Some(v) if v == UNDEFINED => String::new(),
                Some(v) => self.to_js_string(v),
                None => match self.obj(e) {
                    Some(Obj::Error(err)) => (if key == "name" { &err.name } else { &err.message }).to_string(),
                    Some(Obj::Proto(b)) if key == "name" => builtin_name(*b).to_string(),
                    _ => String::new(),
                },
            }
        };
        let (name, message) = (field("name"), field("message"));
        let name = if self.lookup(obj, "name") == Some(UNDEFINED) { "Error".to_string() } else { name };
        Some(error_text(&name, &message))
    }

    pub(crate) fn set(&mut self, obj: i64, key: i64, v: i64) -> i64 {
        if obj == UNDEFINED || obj == NULL {
            let k = self.to_js_string(key);
            let what = self.to_js_string(obj);
            return self.throw("TypeError", format!("Cannot set property '{k}' of {what}"));
        }
        let Some(slot) = value::as_reference(obj) else { return v };
        // Plain objects and functions, the common case: the key is passed
        // on as it is when it is a string (no copy).
        if let Some(Obj::Object(..) | Obj::Function(_)) = self.heap.get(slot) {
            let key = if self.str_of(key).is_some() {
                key
            } else {
                let s = self.to_js_string(key);
                self.string(s)
            };
            // A cyclic `__proto__` is the one write that throws.
            return if self.op3(op::PUT, obj, key, v) == EXCEPTION { EXCEPTION } else { v };
        }
        // A method added to a built-in prototype (`String.prototype.f = …`),
        // kept for this run (the shared prototypes are read-only).
        if let Some(Obj::Proto(b)) = self.obj(obj) {
            let (b, k) = (*b, self.key_of(key));
            self.note_key(&k);
            match self.proto_props.iter_mut().find(|p| p.0 == b && p.1 == k) {
                Some(p) => p.2 = v,
                None => self.proto_props.push((b, k, v)),
            }
            return v;
        }
        let index = number_value(key).filter(|n| n.fract() == 0.0 && *n >= 0.0 && *n < 1e9).map(|n| n as usize);
        let key_str = self.to_js_string(key);
        let len = match self.heap.get(slot) {
            Some(Obj::Arr(items)) => Some(items.len()),
            _ => None,
        };
        if let Some(len) = len {
            let i = index.or_else(|| key_str.parse().ok());
            let new_len = match (i, key_str.as_str()) {
                (Some(i), _) => Some(len.max(i + 1)),
                (None, "length") => {
                    // ES5 §15.4.5.1: a length that is not a uint32 is a RangeError.
                    let n = self.to_number(v);
                    if !(0.0..=4_294_967_295.0).contains(&n) || n.fract() != 0.0 {
                        return self.throw("RangeError", "Invalid array length");
                    }
                    Some(n as usize)
                }
                _ => None,
            };
            if new_len.is_none() {
                self.set_array_prop(obj, &key_str, v);
            }
            if let Some(n) = new_len
                && (n <= len || self.charge(8 * (n - len)))
                && let Some(Obj::Arr(items)) = self.heap.get_mut(slot)
            {
                items.resize(n, UNDEFINED);
                if let Some(item) = i.and_then(|i| items.get_mut(i)) {
                    *item = v;
                }
            }
            return v;
        }
        if self.regexp_set(obj, &key_str, v) {
            return v;
        }
        if matches!(self.heap.get(slot), Some(Obj::Error(_))) {
            let text: Arc<str> = Arc::from(self.to_js_string(v));
            if let Some(Obj::Error(e)) = self.heap.get_mut(slot) {
                match key_str.as_str() {
                    "name" => e.name = text,
                    "message" => e.message = text,
                    _ => match e.props.iter_mut().find(|p| *p.0 == *key_str) {
                        Some(p) => p.1 = v,
                        None => e.props.push((Arc::from(key_str.as_str()), v)),
                    },
                }
            }
            return v;
        }
        v
    }

    pub(crate) fn args(&self, args: i64) -> Vec<i64> {
        match self.obj(args) {
            Some(Obj::Arr(items)) => {
                // A copy (and, for the array methods that use it, a pass
                // over the items): host work as long as the array.
                self.add_work(items.len() as u64);
                items.clone()
            }
            _ => Vec::new(),
        }
    }

    /// Takes the arguments array of a call: it was built for this call only
    /// (method calls never expose it to scripts), so its items move out
    /// instead of being copied.
    pub(crate) fn take_args(&mut self, args: i64) -> Vec<i64> {
        match value::as_reference(args).and_then(|i| self.heap.get_mut(i)) {
            Some(Obj::Arr(items)) => std::mem::take(items),
            _ => Vec::new(),
        }
    }

    /// `botContext.method(args…)`: the arguments as host values, the call
    /// recorded in the transcript, the result imported (and given its
    /// Java-style methods when it is a host object).
    fn bot_context_call(&mut self, method: &str, known: Option<&'static cbot_host::Method>, argv: &[i64]) -> i64 {
        // Each call leaves something behind in the conversation (a message,
        // a variable, a transcript entry) that outlives the run's heap: the
        // calls are counted, and the data they hand over is charged to the
        // heap quota.
        self.calls += 1;
        if self.calls > self.call_limit {
            self.trip(crate::Limit::Calls);
            return UNDEFINED;
        }
        let mut room = self.heap_room();
        // A string argument handed out is shared from then on: handing it
        // out again (`log(s)` then `setBotVariable(k, s)`) copies nothing.
        for &v in argv {
            self.make_shared(v);
        }
        let mut values = cbot_host::Args::new();
        for &v in argv {
            values.push(self.to_host_within(v, 0, &mut room));
        }
        let used = self.heap_room() - room;
        self.handed += used;
        // A value cut short by a limit is not handed over: the run ends
        // here, and the call must not happen with half its arguments.
        if !self.charge(used + 64) || self.tripped.get().is_some() {
            return UNDEFINED;
        }
        let Some(ctx) = self.ctx.as_deref_mut() else {
            return self.throw("Error", "internal: no botContext for this run");
        };
        let ctx: &mut dyn BotContext = ctx;
        let argc = values.len();
        let result = match known {
            Some(m) => cbot_host::dispatch_method(ctx, m, values, Some(&mut self.transcript)),
            None => cbot_host::dispatch(ctx, method, values, Some(&mut self.transcript)),
        };
        match result {
            Ok(v) => {
                // CB-SPEC §3.4: the reply goes out and the script stops.
                self.stop = method == "sendImmediateReply";
                if self.stop {
                    self.settle_at.set(0);
                }
                let v = self.import_result(&v);
                self.host_object(method, argc, v)
            }
            Err(e) => self.throw("TypeError", e.to_string()),
        }
    }

    pub(crate) fn call_method(&mut self, recv: i64, name: i64, args: i64) -> i64 {
        let argv = self.take_args(args);
        self.call_method_with(recv, name, argv)
    }

    /// [`Host::call_method`] with the arguments as values. The argument
    /// buffer goes back to the spares, not the allocator.
    pub(crate) fn call_method_with(&mut self, recv: i64, name: i64, argv: Vec<i64>) -> i64 {
        let v = self.call_method_on(recv, name, &argv);
        keep_spare(&mut self.spare_items, argv);
        v
    }

    pub(crate) fn call_method_on(&mut self, recv: i64, name: i64, argv: &[i64]) -> i64 {
        // `botContext.m(…)` is the hot path: no copies of the name.
        if value::as_reference(recv) == Some(crate::compile::BOT_CONTEXT_SLOT) {
            // A constant name, as calls almost always have: its method was
            // found when the program was made.
            let known = value::as_reference(name)
                .and_then(|i| i.checked_sub(CONST_BASE))
                .and_then(|i| self.bot_methods.get(i).copied().flatten());
            if let Some(m) = known {
                return self.bot_context_call(m.name, Some(m), argv);
            }
            if let Some(method) = self.str_of(name).cloned() {
                return self.bot_context_call(&method, None, argv);
            }
        }
        // A string key (the usual case) is shared, not copied.
        let name_key = self.key_of(name);
        let name: &str = &name_key;
        let arg = |i: usize| argv.get(i).copied().unwrap_or(UNDEFINED);
        if name == OBJECT_TO_STRING {
            let s = self.class_string(recv);
            return self.string(s);
        }
        if recv == UNDEFINED || recv == NULL {
            let what = self.to_js_string(recv);
            return self.throw("TypeError", format!("Cannot call method '{name}' of {what}"));
        }
        // Only what the dispatch needs: cloning the object would copy its
        // items or properties on every call.
        let receiver = match self.obj(recv) {
            Some(Obj::Str(_)) => self.share(recv).map(|s| Obj::Str(Text::Shared(s))),
            Some(Obj::Arr(_)) => Some(Obj::Arr(Vec::new())),
            Some(Obj::Object(..)) => Some(Obj::Object(Vec::new(), UNDEFINED)),
            // A function's own methods (call, apply) are handled in calls.rs;
            // the rest are those of every object.
            Some(Obj::Function(_)) => Some(Obj::Object(Vec::new(), UNDEFINED)),
            Some(other @ (Obj::BotContext | Obj::Builtin(_) | Obj::Date(_))) => Some(other.clone()),
            Some(Obj::RegExp(_)) => return self.regexp_method(recv, name, argv),
            Some(Obj::Error(e)) => {
                return match name {
                    "toString" | "toLocaleString" => {
                        let s = self.to_js_string(recv);
                        self.string(s)
                    }
                    "hasOwnProperty" | "propertyIsEnumerable" => {
                        let k = self.key_of(arg(0));
                        let own = e.props.iter().any(|p| p.0 == k);
                        value::boolean(own || (name == "hasOwnProperty" && &*k == "message"))
                    }
                    "valueOf" => recv,
                    _ => self.throw("TypeError", format!("{name} is not a function")),
                };
            }
            _ => None,
        };
        match receiver {
            Some(Obj::BotContext) => self.bot_context_call(name, None, argv),
            Some(Obj::Str(Text::Shared(s))) => match name {
                "replace" | "replaceAll" => self.replace_with_template(&s, arg(0), arg(1), name == "replaceAll"),
                "match" | "search" | "split" if self.is_regexp(arg(0)) => {
                    self.string_regexp_method(&s, name, arg(0), argv)
                }
                // A string (or anything) becomes a RegExp (ES5 §15.5.4.10, 12).
                "match" | "search" => {
                    let re = self.regexp_new(arg(0), UNDEFINED);
                    if re == EXCEPTION {
                        return EXCEPTION;
                    }
                    self.string_regexp_method(&s, name, re, argv)
                }
                _ => self.string_method(&s, name, argv),
            },
            Some(Obj::Arr(_)) => self.array_method(recv, name, argv),
            Some(Obj::Date(ms)) => self.date_method(recv, ms, name, argv),
            Some(Obj::Object(..)) if self.host_class(recv).is_some() => {
                let class = self.host_class(recv).unwrap_or_default();
                self.host_object_method(class, recv, name, argv)
            }
            Some(Obj::Object(..)) => match name {
                "hasOwnProperty" | "propertyIsEnumerable" => {
                    let key = self.key_of(arg(0));
                    let own = value::as_reference(recv)
                        .and_then(|i| self.props_mut(i))
                        .is_some_and(|props| props.iter().any(|p| p.0 == key));
                    value::boolean(own && (name == "hasOwnProperty" || !self.hidden(recv, &key)))
                }
                "toString" | "toLocaleString" => {
                    let s = self.to_js_string(recv);
                    self.string(s)
                }
                "valueOf" => recv,
                // ES5 §15.2.4.6: is `recv` on `v`'s prototype chain?
                "isPrototypeOf" => match self.obj(arg(0)) {
                    Some(Obj::Object(_, p)) => value::boolean(self.chain_has(*p, recv)),
                    _ => FALSE,
                },
                _ => self.throw("TypeError", format!("Object has no method '{name}'")),
            },
            Some(Obj::Builtin(b)) => {
                match (builtin_name(b), name) {
                    ("Date", "now") => value::number(self.now()),
                    ("Date", "UTC") => value::number(self.date_fields(argv, true)),
                    ("Date", "parse") => {
                        let text = self.to_js_string(arg(0));
                        value::number(date::parse(&text, self.tz))
                    }
                    ("Object", "keys") => match self.obj(arg(0)) {
                        // Own enumerable keys (ES5 §15.2.3.14), in for-in order.
                        Some(_) => {
                            let keys = self.own_keys(arg(0));
                            let items = keys.into_iter().map(|k| self.string(k)).collect();
                            self.alloc_array(items)
                        }
                        // ES2015 §19.1.2.14: primitives convert (numbers and
                        // booleans have no own keys); only null/undefined throw.
                        None if arg(0) != UNDEFINED && arg(0) != NULL => self.alloc_array(Vec::new()),
                        None => self.throw("TypeError", "Object.keys called on non-object"),
                    },
                    ("Object", "create") => {
                        let proto = arg(0);
                        if proto == NULL
                            || matches!(self.obj(proto), Some(Obj::Object(..) | Obj::Proto(_) | Obj::Error(_)))
                        {
                            // `undefined` stands for Object.prototype.
                            let proto = if proto == proto_ref("Object") { UNDEFINED } else { proto };
                            let o = self.alloc_object(proto);
                            if arg(1) == UNDEFINED {
                                return o;
                            }
                            match self.define_properties(o, arg(1)) {
                                Ok(()) => o,
                                Err(m) => self.throw("TypeError", m),
                            }
                        } else {
                            self.throw("TypeError", "Object prototype may only be an Object or null")
                        }
                    }
                    ("Object", "getPrototypeOf") => match self.obj(arg(0)) {
                        Some(Obj::Object(_, p)) if *p != UNDEFINED => *p,
                        Some(Obj::Object(..)) => proto_ref("Object"),
                        Some(Obj::Arr(_)) => proto_ref("Array"),
                        Some(Obj::Str(_)) => proto_ref("String"),
                        Some(Obj::Date(_)) => proto_ref("Date"),
                        Some(Obj::RegExp(_)) => proto_ref("RegExp"),
                        Some(Obj::Error(..)) => proto_ref("Error"),
                        Some(Obj::Function(_) | Obj::Bound { .. } | Obj::Method { .. } | Obj::Builtin(_)) => {
                            proto_ref("Function")
                        }
                        Some(Obj::Proto(b)) if builtin_name(*b) != "Object" => proto_ref("Object"),
                        Some(_) => NULL,
                        None => self.throw("TypeError", "Object.getPrototypeOf called on non-object"),
                    },
                    ("Array", "isArray") => value::boolean(self.is_array(arg(0))),
                    (ns, "hasOwnProperty") => {
                        let k = self.key_of(arg(0));
                        const MATH_CONSTANTS: &[&str] =
                            &["E", "LN10", "LN2", "LOG10E", "LOG2E", "PI", "SQRT1_2", "SQRT2"];
                        let own = builtin_statics(ns).contains(&&*k)
                            || (ns == "Math" && MATH_CONSTANTS.contains(&&*k))
                            || (&*k == "prototype" && PROTOTYPES.contains(&ns));
                        value::boolean(own)
                    }
                    ("String", "fromCharCode") => {
                        let units: Vec<u16> = argv.iter().map(|&a| self.to_int32(a) as u16).collect();
                        self.string(String::from_utf16_lossy(&units))
                    }
                    ("Number", f) => {
                        let x = arg(0);
                        let n = number_value(x);
                        match f {
                            "isInteger" => value::boolean(n.is_some_and(|n| n.is_finite() && n.fract() == 0.0)),
                            "isSafeInteger" => value::boolean(n.is_some_and(|n| {
                                n.is_finite() && n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_991.0
                            })),
                            "isFinite" => value::boolean(n.is_some_and(f64::is_finite)),
                            "isNaN" => value::boolean(n.is_some_and(f64::is_nan)),
                            "parseFloat" => value::number(parse_float(&self.to_js_string(x))),
                            "parseInt" => {
                                let radix = if arg(1) == UNDEFINED { 0 } else { self.to_int32(arg(1)) };
                                value::number(parse_int(&self.to_js_string(x), radix))
                            }
                            m => self.throw("TypeError", format!("Number.{m} is not a function")),
                        }
                    }
                    ("Object", "assign") => {
                        let target = arg(0);
                        if target == UNDEFINED || target == NULL {
                            return self.throw("TypeError", "Cannot convert undefined or null to object");
                        }
                        for &src in argv.iter().skip(1) {
                            for k in self.own_keys(src) {
                                let key = self.string(k);
                                let v = self.get(src, key);
                                self.set(target, key, v);
                            }
                        }
                        target
                    }
                    ("Object", f @ ("values" | "entries" | "getOwnPropertyNames")) => {
                        let o = arg(0);
                        if o == UNDEFINED || o == NULL {
                            return self.throw("TypeError", "Cannot convert undefined or null to object");
                        }
                        let mut keys = self.own_keys(o);
                        if f == "getOwnPropertyNames" && (self.is_array(o) || self.str_of(o).is_some()) {
                            keys.push(Arc::from("length"));
                        }
                        let items: Vec<i64> = keys
                            .into_iter()
                            .map(|k| {
                                let key = self.string(k);
                                match f {
                                    "values" => self.get(o, key),
                                    "entries" => {
                                        let v = self.get(o, key);
                                        self.alloc_array(vec![key, v])
                                    }
                                    _ => key,
                                }
                            })
                            .collect();
                        self.alloc_array(items)
                    }
                    ("Object", how @ ("freeze" | "seal" | "preventExtensions")) => {
                        self.restrict(arg(0), how);
                        arg(0)
                    }
                    ("Object", "isFrozen") => value::boolean(self.restricted(arg(0), "freeze")),
                    ("Object", "isSealed") => value::boolean(self.restricted(arg(0), "seal")),
                    ("Object", "isExtensible") => {
                        value::boolean(self.is_object(arg(0)) && self.attr(arg(0), "") & ATTR_SEALED == 0)
                    }
                    ("Object", "defineProperty") => match self.define_property(arg(0), arg(1), arg(2)) {
                        Ok(()) => arg(0),
                        Err(m) => self.throw("TypeError", m),
                    },
                    ("Object", "defineProperties") => match self.define_properties(arg(0), arg(1)) {
                        Ok(()) => arg(0),
                        Err(m) => self.throw("TypeError", m),
                    },
                    ("Object", "getOwnPropertyDescriptor") => self.property_descriptor(arg(0), arg(1)),
                    ("Math", m) => self.math(m, argv),
                    ("JSON", "stringify") => {
                        let v = self.to_host(arg(0), 0);
                        if v == Value::Undefined {
                            return UNDEFINED;
                        }
                        let s = json_stringify(&v);
                        self.string(s)
                    }
                    ("JSON", "parse") => {
                        let text = self.to_js_string(arg(0));
                        match crate::json_parse::parse(self, &text) {
                            Ok(v) => v,
                            Err(e) => self.throw("SyntaxError", e.0),
                        }
                    }
                    (ns, m) => self.throw("TypeError", format!("{ns}.{m} is not a function")),
                }
            }
            _ => {
                if let Some(n) = number_value(recv) {
                    return match name {
                        "toString" => {
                            let radix = if arg(0) == UNDEFINED { 10.0 } else { self.to_number(arg(0)).trunc() };
                            if !(2.0..=36.0).contains(&radix) {
                                return self.throw("RangeError", "toString() radix must be between 2 and 36");
                            }
                            let s = if radix == 10.0 { number_to_string(n) } else { radix_string(n, radix as u32) };
                            self.string(s)
                        }
                        "toFixed" => {
                            let digits = self.to_number(arg(0));
                            let d = if digits.is_nan() { 0.0 } else { digits.trunc() };
                            // ES2018 §20.1.3.3: 0 to 100 digits.
                            if !(0.0..=100.0).contains(&d) {
                                return self.throw("RangeError", "toFixed() digits argument must be between 0 and 100");
                            }
                            let d = d as usize;
                            let s = if n.abs() >= 1e21 || n.is_nan() { number_to_string(n) } else { to_fixed(n, d) };
                            self.string(s)
                        }
                        "toExponential" | "toPrecision" => {
                            let digits = if arg(0) == UNDEFINED { None } else { Some(self.to_number(arg(0))) };
                            if !n.is_finite() {
                                return self.string(number_to_string(n));
                            }
                            let exp = name == "toExponential";
                            let text = match digits {
                                None if exp => exponential_shortest(n),
                                None => number_to_string(n),
                                Some(d) => {
                                    let d = if d.is_nan() { 0.0 } else { d.trunc() };
                                    let (lo, hi) = if exp { (0.0, 100.0) } else { (1.0, 100.0) };
                                    if !(lo..=hi).contains(&d) {
                                        return self.throw(
                                            "RangeError",
                                            format!("{name}() argument must be between {lo} and {hi}"),
                                        );
                                    }
                                    if exp { to_exponential(n, d as usize) } else { to_precision(n, d as usize) }
                                }
                            };
                            self.string(text)
                        }
                        "valueOf" => recv,
                        "toLocaleString" => {
                            let s = number_to_string(n);
                            self.string(s)
                        }
                        _ => self.throw("TypeError", format!("{name} is not a function")),
                    };
                }
                if matches!(recv, TRUE | FALSE) && name == "valueOf" {
                    return recv;
                }
                if matches!(recv, TRUE | FALSE) && name == "toString" {
                    let s = self.to_js_string(recv);
                    return self.string(s);
                }
                let what = self.to_js_string(recv);
                self.throw("TypeError", format!("{what}.{name} is not a function"))
            }
        }
    }

    fn string_method(&mut self, s: &Arc<str>, name: &str, argv: &[i64]) -> i64 {
        let arg = |i: usize| argv.get(i).copied().unwrap_or(UNDEFINED);
        // Relative index clamping (ES5 substring/slice rules).
        let int = |h: &Self, v: i64, default: f64| {
            if v == UNDEFINED {
                default
            } else {
                let n = h.to_number(v);
                if n.is_nan() { 0.0 } else { n.trunc() }
            }
        };
        // In an ASCII string a UTF-16 code unit is a byte: the methods a
        // script calls in a loop over a long string work on the bytes,
        // without the UTF-16 copy below (which would make the loop
        // quadratic). The index arithmetic is the same as below.
        if matches!(name, "charAt" | "charCodeAt" | "substring" | "substr" | "slice" | "startsWith" | "endsWith")
            && self.utf16_len(s).ascii
        {
            let len = s.len() as f64;
            let b = s.as_bytes();
            return match name {
                "charAt" | "charCodeAt" => {
                    let i = int(self, arg(0), 0.0);
                    let inside = i >= 0.0 && i < len;
                    match (name, inside) {
                        ("charAt", true) => self.string(s.get(i as usize..=i as usize).unwrap_or("")),
                        ("charAt", false) => self.string(""),
                        (_, true) => {
                            b.get(i as usize).map_or(value::number(f64::NAN), |&u| value::number(f64::from(u)))
                        }
                        (_, false) => value::number(f64::NAN),
                    }
                }
                "substring" => {
                    let x = int(self, arg(0), 0.0).clamp(0.0, len) as usize;
                    let y = int(self, arg(1), len).clamp(0.0, len) as usize;
                    self.string(s.get(x.min(y)..x.max(y)).unwrap_or(""))
                }
                "substr" => {
                    let mut x = int(self, arg(0), 0.0);
                    if x < 0.0 {
                        x = (len + x).max(0.0);
                    }
                    let x = x.min(len) as usize;
                    let n = int(self, arg(1), len).clamp(0.0, len) as usize;
                    self.string(s.get(x..(x + n).min(b.len())).unwrap_or(""))
                }
                "slice" => {
                    let rel = |x: f64| if x < 0.0 { (len + x).max(0.0) } else { x.min(len) };
                    let x = rel(int(self, arg(0), 0.0)) as usize;
                    let y = rel(int(self, arg(1), len)) as usize;
                    self.string(s.get(x..y).unwrap_or(""))
                }
                _ => {
                    // A needle with other characters cannot match ASCII
                    // text: its bytes are all above 0x7F.
                    let needle = self.to_js_string(arg(0));
                    let n = needle.as_bytes();
                    self.add_work(n.len() as u64);
                    let found = if name == "startsWith" {
                        b.get(int(self, arg(1), 0.0).clamp(0.0, len) as usize..).is_some_and(|t| t.starts_with(n))
                    } else {
                        let end = int(self, arg(1), len).clamp(0.0, len) as usize;
                        end >= needle.encode_utf16().count() && b.get(..end).is_some_and(|t| t.ends_with(n))
                    };
                    value::boolean(found)
                }
            };
        }
        // Searches need no UTF-16 copy either (see `find_units`).
        if matches!(name, "indexOf" | "lastIndexOf" | "includes") {
            let len = self.utf16_len(s).units;
            let needle = self.to_js_string(arg(0));
            self.add_work(s.len() as u64);
            let found = if name == "lastIndexOf" {
                // A NaN position means +∞ (ES5 §15.5.4.8).
                let nan = self.to_number(arg(1)).is_nan();
                let from = if nan { len as f64 } else { int(self, arg(1), len as f64) };
                find_units(s, &needle, from.clamp(0.0, len as f64) as usize, true)
            } else {
                let from = int(self, arg(1), 0.0).clamp(0.0, len as f64) as usize;
                find_units(s, &needle, from, false)
            };
            return match name {
                "includes" => value::boolean(found.is_some()),
                _ => value::number(found.map_or(-1.0, |i| i as f64)),
            };
        }
        // Everything else works on a UTF-16 copy: host work twice as long
        // as the string (the copy is twice its size, and made anew).
        self.add_work(2 * s.len() as u64);
        let units: Vec<u16> = s.encode_utf16().collect();
        let len = units.len() as f64;
        let text = |h: &mut Self, u: &[u16]| h.string(String::from_utf16_lossy(u));
        match name {
            "toUpperCase" | "toLocaleUpperCase" => self.string(s.to_uppercase()),
            "toLowerCase" | "toLocaleLowerCase" => self.string(s.to_lowercase()),
            "trim" => self.string(s.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')),
            "toString" | "valueOf" => self.string(s.clone()),
            "charAt" => {
                let i = int(self, arg(0), 0.0);
                let unit = if i >= 0.0 && i < len { units.get(i as usize..=i as usize) } else { None };
                match unit {
                    Some(unit) => text(self, unit),
                    None => self.string(""),
                }
            }
            "charCodeAt" => {
                let i = int(self, arg(0), 0.0);
                match if i >= 0.0 && i < len { units.get(i as usize) } else { None } {
                    Some(&u) => value::number(f64::from(u)),
                    None => value::number(f64::NAN),
                }
            }
            "substring" => {
                let a = int(self, arg(0), 0.0).clamp(0.0, len) as usize;
                let b = int(self, arg(1), len).clamp(0.0, len) as usize;
                text(self, units.get(a.min(b)..a.max(b)).unwrap_or_default())
            }
            "substr" => {
                let mut a = int(self, arg(0), 0.0);
                if a < 0.0 {
                    a = (len + a).max(0.0);
                }
                let a = a.min(len) as usize;
                let n = int(self, arg(1), len).clamp(0.0, len) as usize;
                text(self, units.get(a..(a + n).min(units.len())).unwrap_or_default())
            }
            "slice" => {
                let rel = |x: f64| if x < 0.0 { (len + x).max(0.0) } else { x.min(len) };
                let a = rel(int(self, arg(0), 0.0)) as usize;
                let b = rel(int(self, arg(1), len)) as usize;
                match units.get(a..b) {
                    Some(part) => text(self, part),
                    None => self.string(""),
                }
            }
            "split" => {
                // ToUint32 (ES5 §15.5.4.14): -1 means 2^32 - 1.
                let limit = if arg(1) == UNDEFINED {
                    usize::MAX
                } else {
                    let n = self.to_number(arg(1));
                    if n.is_finite() { n.trunc().rem_euclid(4_294_967_296.0) as usize } else { 0 }
                };
                // Each part is charged as it is made, and making them stops
                // at the heap quota (`'x'.repeat(1e7).split('')` would
                // otherwise build ten million strings first).
                let mut items: Vec<i64> = Vec::new();
                if arg(0) == UNDEFINED {
                    if limit > 0 {
                        items.push(self.string(s.clone()));
                    }
                } else {
                    let sep = self.to_js_string(arg(0));
                    if sep.is_empty() {
                        for u in units.iter().take(limit) {
                            items.push(text(self, std::slice::from_ref(u)));
                            if self.heap_exceeded {
                                break;
                            }
                        }
                    } else {
                        for p in s.split(sep.as_str()).take(limit) {
                            items.push(self.string(p));
                            if self.heap_exceeded {
                                break;
                            }
                        }
                    }
                }
                let n = items.len();
                self.alloc(Obj::Arr(items), 8 * n)
            }
            "replace" => {
                // String patterns only: the first occurrence (RegExp arrives in part 2).
                let from = self.to_js_string(arg(0));
                let to = self.to_js_string(arg(1));
                self.string(s.replacen(from.as_str(), &to, 1))
            }
            "startsWith" | "endsWith" => {
                let needle = self.to_js_string(arg(0));
                let n: Vec<u16> = needle.encode_utf16().collect();
                let at = |i: usize| units.get(i..i + n.len()) == Some(&n[..]);
                let found = match name {
                    "startsWith" => at(int(self, arg(1), 0.0).clamp(0.0, len) as usize),
                    _ => {
                        let end = int(self, arg(1), len).clamp(0.0, len) as usize;
                        end >= n.len() && at(end - n.len())
                    }
                };
                value::boolean(found)
            }
            "repeat" => {
                let count = int(self, arg(0), 0.0);
                if !(0.0..=1e9).contains(&count) {
                    return self.throw("RangeError", "Invalid count value");
                }
                let count = count as usize;
                if !self.charge(s.len().saturating_mul(count)) {
                    return UNDEFINED;
                }
                self.string(s.repeat(count))
            }
            "trimStart" | "trimLeft" => {
                self.string(s.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}'))
            }
            "trimEnd" | "trimRight" => self.string(s.trim_end_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')),
            "padStart" | "padEnd" => {
                let target = int(self, arg(0), 0.0).clamp(0.0, 1e7) as usize;
                let fill: Vec<u16> = if arg(1) == UNDEFINED {
                    vec![u16::from(b' ')]
                } else {
                    self.to_js_string(arg(1)).encode_utf16().collect()
                };
                if target <= units.len() || fill.is_empty() {
                    return self.string(s.clone());
                }
                let pad: Vec<u16> = fill.iter().copied().cycle().take(target - units.len()).collect();
                let joined: Vec<u16> =
                    if name == "padStart" { [pad, units.clone()].concat() } else { [units.clone(), pad].concat() };
                text(self, &joined)
            }
            "localeCompare" => {
                // A documented choice: code-unit order, not ICU collation
                // (docs/known-differences.md).
                let other = self.to_js_string(arg(0));
                let ord = s.encode_utf16().cmp(other.encode_utf16());
                value::number(ord as i8 as f64)
            }
            "codePointAt" => {
                let i = int(self, arg(0), 0.0);
                if i < 0.0 || i >= len {
                    return UNDEFINED;
                }
                let i = i as usize;
                let Some(&u) = units.get(i) else { return UNDEFINED };
                let cp = match units.get(i + 1) {
                    Some(&lo) if (0xD800..0xDC00).contains(&u) && (0xDC00..0xE000).contains(&lo) => {
                        0x10000 + ((u32::from(u) - 0xD800) << 10) + (u32::from(lo) - 0xDC00)
                    }
                    _ => u32::from(u),
                };
                value::number(f64::from(cp))
            }
            "concat" => {
                let mut out = String::from(&**s);
                for &a in argv {
                    out.push_str(&self.to_js_string(a));
                }
                self.string(out)
            }
            _ => self.throw("TypeError", format!("Object {s} has no method '{name}'")),
        }
    }

    /// The items of the array at heap slot `slot` (none for anything
    /// else), read in place: searching an array copies nothing. Charged as
    /// `args` charges its copy (a pass over the items).
    fn items_of(&self, slot: usize) -> &[i64] {
        match self.heap.get(slot) {
            Some(Obj::Arr(items)) => {
                self.add_work(items.len() as u64);
                items
            }
            _ => &[],
        }
    }

    fn array_method(&mut self, recv: i64, name: &str, argv: &[i64]) -> i64 {
        let arg = |i: usize| argv.get(i).copied().unwrap_or(UNDEFINED);
        // Called for arrays only: `recv` is a reference.
        let Some(slot) = value::as_reference(recv) else { return UNDEFINED };
        let len = self.len(recv);
        // Relative start/end arguments (ES5 §15.4.4.10 slice, splice).
        let relative = |h: &Self, v: i64, default: usize| -> usize {
            if v == UNDEFINED {
                return default;
            }
            let n = h.to_number(v);
            let n = if n.is_nan() { 0.0 } else { n.trunc() };
            if n < 0.0 { (len as f64 + n).max(0.0) as usize } else { n.min(len as f64) as usize }
        };
        // Methods that move or copy items (shift, splice, reverse, slice,
        // concat, sort …) do host work as long as the array; push and pop
        // are charged the same, which is nothing next to the call.
        if !matches!(name, "push" | "pop") {
            self.add_work(len as u64);
        }
        let mut scratch = Vec::new();
        // The array's items (array_method is only called on arrays).
        fn arr<'h>(h: &'h mut Host, slot: usize, scratch: &'h mut Vec<i64>) -> &'h mut Vec<i64> {
            match h.heap.get_mut(slot) {
                Some(Obj::Arr(items)) => items,
                _ => scratch,
            }
        }
        match name {
            "shift" => {
                let items = arr(self, slot, &mut scratch);
                if items.is_empty() { UNDEFINED } else { items.remove(0) }
            }
            "unshift" => {
                if self.charge(8 * argv.len()) {
                    let items = arr(self, slot, &mut scratch);
                    items.splice(0..0, argv.iter().copied());
                }
                value::number(self.len(recv) as f64)
            }
            "reverse" => {
                arr(self, slot, &mut scratch).reverse();
                recv
            }
            "slice" => {
                let a = relative(self, arg(0), 0);
                let b = relative(self, arg(1), len);
                let part = if a < b {
                    arr(self, slot, &mut scratch).get(a..b).unwrap_or_default().to_vec()
                } else {
                    Vec::new()
                };
                self.alloc_array(part)
            }
            "splice" => {
                let start = relative(self, arg(0), 0);
                let count = if argv.is_empty() {
                    0
                } else if argv.len() < 2 {
                    len - start
                } else {
                    let n = self.to_number(arg(1));
                    (if n.is_nan() { 0.0 } else { n.trunc() }).clamp(0.0, (len - start) as f64) as usize
                };
                let insert: Vec<i64> = argv.iter().skip(2).copied().collect();
                self.charge(8 * insert.len());
                let removed: Vec<i64> = arr(self, slot, &mut scratch).splice(start..start + count, insert).collect();
                self.alloc_array(removed)
            }
            "lastIndexOf" => {
                let items = self.args(recv);
                let from = if argv.len() < 2 {
                    len as f64 - 1.0
                } else {
                    // ToInteger: NaN (and `undefined`) count as 0.
                    let n = self.to_number(arg(1));
                    let n = if n.is_nan() { 0.0 } else { n.trunc() };
                    if n < 0.0 { len as f64 + n } else { n.min(len as f64 - 1.0) }
                };
                let found = if from < 0.0 {
                    None
                } else {
                    (0..=from as usize).rev().find(|&i| items.get(i).is_some_and(|&v| self.strict_equals(v, arg(0))))
                };
                value::number(found.map_or(-1.0, |i| i as f64))
            }
            "hasOwnProperty" => {
                let key = self.key_of(arg(0));
                value::boolean(
                    &*key == "length"
                        || array_index(&key).is_some_and(|i| (i as usize) < len)
                        || self.array_prop(recv, &key).is_some(),
                )
            }
            // Indices and named properties are enumerable; `length` is not.
            "propertyIsEnumerable" => {
                let key = self.key_of(arg(0));
                value::boolean(
                    array_index(&key).is_some_and(|i| (i as usize) < len) || self.array_prop(recv, &key).is_some(),
                )
            }
            "sort" => {
                // Without a comparator: by string value, undefined last
                // (ES5 §15.4.4.11); with one, calls.rs sorts.
                let items = self.args(recv);
                let (defined, undefined): (Vec<i64>, Vec<i64>) = items.into_iter().partition(|&x| x != UNDEFINED);
                // The keys are held together: they count against the heap
                // quota (a million references to one long string would
                // otherwise be a million copies of it), and comparing them
                // is host work.
                let mut keyed: Vec<(Vec<u16>, i64)> = Vec::with_capacity(defined.len());
                let mut bytes = 0u64;
                for &x in &defined {
                    let key = self.to_js_string(x);
                    self.charge_text(2 * key.len());
                    if self.tripped.get().is_some() {
                        return UNDEFINED;
                    }
                    bytes += key.len() as u64;
                    keyed.push((key.encode_utf16().collect(), x));
                }
                let rounds = u64::from(usize::BITS - keyed.len().leading_zeros());
                if !self.spend(bytes.saturating_mul(rounds)) {
                    return UNDEFINED;
                }
                let order: Vec<i64> = (0..keyed.len() as i64).collect();
                let mut sorted: Vec<i64> = crate::calls::merge_sort(order, &mut |a, b| {
                    keyed.get(a as usize).map(|k| &k.0) <= keyed.get(b as usize).map(|k| &k.0)
                })
                .into_iter()
                .filter_map(|i| keyed.get(i as usize).map(|k| k.1))
                .collect();
                sorted.extend(undefined);
                self.replace_items(recv, sorted);
                recv
            }
            "push" => {
                let n = len + argv.len();
                if self.charge(8 * argv.len())
                    && let Some(Obj::Arr(items)) = self.heap.get_mut(slot)
                {
                    items.extend_from_slice(argv);
                }
                value::number(n as f64)
            }
            "pop" => {
                if let Some(Obj::Arr(items)) = self.heap.get_mut(slot) {
                    return items.pop().unwrap_or(UNDEFINED);
                }
                UNDEFINED
            }
            "join" => {
                let sep = if arg(0) == UNDEFINED { ",".to_string() } else { self.to_js_string(arg(0)) };
                let mut out = String::new();
                self.join_into(recv, &sep, &mut out, &mut Vec::new());
                if self.tripped.get().is_some() {
                    return UNDEFINED;
                }
                self.string(out)
            }
            "includes" => {
                // SameValueZero: NaN is found (ES2016 §22.1.3.11).
                let items = self.items_of(slot);
                let len = items.len() as f64;
                let mut from = if arg(1) == UNDEFINED { 0.0 } else { self.to_number(arg(1)).trunc() };
                if from.is_nan() {
                    from = 0.0;
                }
                if from < 0.0 {
                    from = (len + from).max(0.0);
                }
                let needle = arg(0);
                let nan = number_value(needle).is_some_and(f64::is_nan);
                let found = items
                    .iter()
                    .skip(from as usize)
                    .any(|&v| self.strict_equals(v, needle) || (nan && number_value(v).is_some_and(f64::is_nan)));
                value::boolean(found)
            }
            "indexOf" => {
                let items = self.items_of(slot);
                let len = items.len() as f64;
                let mut from = if arg(1) == UNDEFINED { 0.0 } else { self.to_number(arg(1)).trunc() };
                if from.is_nan() {
                    from = 0.0;
                }
                if from < 0.0 {
                    from = (len + from).max(0.0);
                }
                let found = items
                    .iter()
                    .skip(from as usize)
                    .position(|&v| self.strict_equals(v, arg(0)))
                    .map(|k| k + from as usize);
                value::number(found.map_or(-1.0, |i| i as f64))
            }
            "toString" | "toLocaleString" => {
                let s = self.to_js_string(recv);
                self.string(s)
            }
            "concat" => {
                let mut out = self.args(recv);
                for &a in argv {
                    match self.obj(a) {
                        Some(Obj::Arr(more)) => out.extend_from_slice(more),
                        _ => out.push(a),
                    }
                }
                let n = out.len();
                self.alloc(Obj::Arr(out), 8 * n)
            }
            _ => self.throw("TypeError", format!("Object {} has no method '{name}'", self.to_js_string(recv))),
        }
    }

    /// Date.prototype methods (ES5 §15.9.5); local time is UTC offline.
    /// `new Date(y, m, …)` (local) and `Date.UTC(y, m, …)`: the missing
    /// fields default to month 0, day 1, the rest 0.
    fn date_fields(&self, argv: &[i64], utc: bool) -> f64 {
        let n: Vec<f64> = argv.iter().map(|&x| self.to_number(x)).collect();
        let g = |i: usize, d: f64| n.get(i).copied().unwrap_or(d);
        date::make_date(g(0, f64::NAN), g(1, 0.0), g(2, 1.0), g(3, 0.0), g(4, 0.0), g(5, 0.0), g(6, 0.0), self.tz, utc)
    }

    /// The methods of a Date (ES5 §15.9.5): getters local or UTC, setters
    /// (which change the object), and the string forms.
    fn date_method(&mut self, recv: i64, ms: f64, name: &str, argv: &[i64]) -> i64 {
        let tz = self.tz;
        if name.starts_with("set") {
            let args: Vec<f64> = argv.iter().map(|&a| self.to_number(a)).collect();
            let t = date::set(ms, name, &args, tz);
            if let Some(Obj::Date(d)) = value::as_reference(recv).and_then(|slot| self.heap.get_mut(slot)) {
                *d = t;
            }
            return value::number(t);
        }
        let (fields_tz, local) = match name.strip_prefix("getUTC") {
            Some(rest) => (0, format!("get{rest}")),
            None => (tz, name.to_string()),
        };
        let part = |i: usize| date::local_fields(ms, fields_tz).get(i).copied().unwrap_or(f64::NAN);
        let n = match local.as_str() {
            "getTime" | "valueOf" => ms,
            "getFullYear" => part(0),
            "getYear" => part(0) - 1900.0,
            "getMonth" => part(1),
            "getDate" => part(2),
            "getHours" => part(3),
            "getMinutes" => part(4),
            "getSeconds" => part(5),
            "getMilliseconds" => part(6),
            "getDay" => part(7),
            "getTimezoneOffset" => date::timezone_offset(ms, tz),
            "toISOString" | "toJSON" => {
                return match date::to_iso_string(ms) {
                    Some(s) => self.string(s),
                    None if local == "toJSON" => NULL,
                    None => self.throw("RangeError", "Invalid time value"),
                };
            }
            _ => {
                let text = match name {
                    "toString" => date::to_string(ms, tz),
                    "toDateString" => date::to_date_string(ms, tz),
                    "toTimeString" => date::to_time_string(ms, tz),
                    "toUTCString" | "toGMTString" => date::to_utc_string(ms),
                    "toLocaleString" => date::to_locale_string(ms, tz),
                    "toLocaleDateString" => date::to_locale_date_string(ms, tz),
                    "toLocaleTimeString" => date::to_locale_time_string(ms, tz),
                    _ => return self.throw("TypeError", format!("Object [object Date] has no method '{name}'")),
                };
                return self.string(text);
            }
        };
        value::number(n)
    }

    fn math(&mut self, name: &str, argv: &[i64]) -> i64 {
        if name == "random" {
            // SplitMix64, 53 bits into [0, 1).
            self.rng = self.rng.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.rng;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^= z >> 31;
            return value::number((z >> 11) as f64 / (1u64 << 53) as f64);
        }
        let x = |h: &Self, i: usize| h.to_number(argv.get(i).copied().unwrap_or(UNDEFINED));
        let n = match name {
            "floor" => x(self, 0).floor(),
            "ceil" => x(self, 0).ceil(),
            // ES5 §15.8.2.15: the closest integer, halves towards +∞; -0
            // stays -0 and (-0.5, 0) rounds to -0.
            "round" => {
                let v = x(self, 0);
                if !v.is_finite() || v.fract() == 0.0 {
                    v
                } else {
                    let f = v.floor();
                    let r = if v - f >= 0.5 { f + 1.0 } else { f };
                    if r == 0.0 && v < 0.0 { -0.0 } else { r }
                }
            }
            "abs" => x(self, 0).abs(),
            "sqrt" => x(self, 0).sqrt(),
            "sin" => x(self, 0).sin(),
            "cos" => x(self, 0).cos(),
            "tan" => x(self, 0).tan(),
            "asin" => x(self, 0).asin(),
            "acos" => x(self, 0).acos(),
            "atan" => x(self, 0).atan(),
            "atan2" => x(self, 0).atan2(x(self, 1)),
            "exp" => x(self, 0).exp(),
            "expm1" => x(self, 0).exp_m1(),
            "log" => x(self, 0).ln(),
            "log1p" => x(self, 0).ln_1p(),
            "log10" => x(self, 0).log10(),
            "log2" => x(self, 0).log2(),
            "sinh" => x(self, 0).sinh(),
            "cosh" => x(self, 0).cosh(),
            "tanh" => x(self, 0).tanh(),
            "asinh" => x(self, 0).asinh(),
            "acosh" => x(self, 0).acosh(),
            "atanh" => x(self, 0).atanh(),
            "cbrt" => x(self, 0).cbrt(),
            "trunc" => x(self, 0).trunc(),
            "sign" => {
                let v = x(self, 0);
                if v.is_nan() || v == 0.0 { v } else { v.signum() }
            }
            "fround" => f64::from(x(self, 0) as f32),
            "hypot" => {
                let xs: Vec<f64> = (0..argv.len()).map(|i| x(self, i)).collect();
                if xs.iter().any(|v| v.is_infinite()) {
                    f64::INFINITY
                } else {
                    xs.iter().fold(0.0, |a: f64, b| a.hypot(*b))
                }
            }
            "clz32" => f64::from((self.to_int32(argv.first().copied().unwrap_or(UNDEFINED)) as u32).leading_zeros()),
            "imul" => {
                let a = self.to_int32(argv.first().copied().unwrap_or(UNDEFINED));
                let b = self.to_int32(argv.get(1).copied().unwrap_or(UNDEFINED));
                f64::from(a.wrapping_mul(b))
            }
            // ES5 §15.8.2.13 differs from C's pow: a NaN exponent is always
            // NaN, and ±1 to an infinite power is NaN.
            "pow" => {
                let (b, e) = (x(self, 0), x(self, 1));
                if e.is_nan() || (b.abs() == 1.0 && e.is_infinite()) { f64::NAN } else { b.powf(e) }
            }
            // +0 is larger than -0 here (ES5 §15.8.2.11-12).
            "max" => (0..argv.len()).map(|i| x(self, i)).fold(f64::NEG_INFINITY, |a, b| {
                if a.is_nan() || b.is_nan() {
                    f64::NAN
                } else if a == b {
                    if a.is_sign_negative() { b } else { a }
                } else {
                    a.max(b)
                }
            }),
            "min" => (0..argv.len()).map(|i| x(self, i)).fold(f64::INFINITY, |a, b| {
                if a.is_nan() || b.is_nan() {
                    f64::NAN
                } else if a == b {
                    if a.is_sign_negative() { a } else { b }
                } else {
                    a.min(b)
                }
            }),
            _ => return self.throw("TypeError", format!("Math.{name} is not a function")),
        };
        value::number(n)
    }

    /// The heap slot of the environment `hops` links up from `env`.
    fn env(&self, env: i64, hops: u32) -> Option<usize> {
        let mut at = env;
        for _ in 0..hops {
            match self.obj(at) {
                Some(Obj::Env(e)) => at = e.first().copied().unwrap_or(UNDEFINED),
                _ => return None,
            }
        }
        value::as_reference(at)
    }

    /// `v instanceof c` (ES5 §15.3.5.3; built-in constructors by kind).
    fn instance_of(&mut self, v: i64, c: i64) -> i64 {
        match self.obj(c) {
            // ES5 §15.3.4.5.3: a bound function answers for its target.
            Some(Obj::Bound { target, .. }) => {
                let target = *target;
                self.instance_of(v, target)
            }
            Some(Obj::Function(_)) => {
                let proto = self.prototype_of(c);
                match self.obj(v) {
                    Some(Obj::Object(_, p)) => value::boolean(self.chain_has(*p, proto)),
                    _ => FALSE,
                }
            }
            Some(Obj::Builtin(b)) => {
                let is = match (builtin_name(*b), self.obj(v)) {
                    (_, None | Some(Obj::Str(_))) => false,
                    ("Object", Some(Obj::Object(..))) => self.inherits_object(v),
                    ("Object", _) => true,
                    ("Array", Some(Obj::Arr(_))) => true,
                    ("Date", Some(Obj::Date(_))) => true,
                    ("RegExp", Some(Obj::RegExp(_))) => true,
                    ("Function", Some(Obj::Function(_) | Obj::Builtin(_))) => true,
                    ("Error", Some(Obj::Error(..))) => true,
                    (ctor, Some(Obj::Error(e))) => *e.name == *ctor,
                    // `F.prototype = new Error()` / `Object.create(Error.prototype)`.
                    (ctor, Some(Obj::Object(..))) if ctor.ends_with("Error") => match self.error_ancestor(v) {
                        Some(e) => match self.obj(e) {
                            Some(Obj::Error(err)) => ctor == "Error" || *err.name == *ctor,
                            Some(Obj::Proto(b)) => ctor == "Error" || builtin_name(*b) == ctor,
                            _ => false,
                        },
                        None => false,
                    },
                    ("Math" | "JSON", _) => {
                        return self.throw("TypeError", "Expecting a function in instanceof check");
                    }
                    _ => false,
                };
                value::boolean(is)
            }
            _ => self.throw("TypeError", "Expecting a function in instanceof check"),
        }
    }

    pub(crate) fn call_builtin(&mut self, builtin: usize, args: i64) -> i64 {
        let argv = self.args(args);
        let arg = |i: usize| argv.get(i).copied().unwrap_or(UNDEFINED);
        if let Some(c) = CONSTRUCTORS.iter().position(|c| *c == builtin_name(builtin))
            && builtin_name(builtin) != "Date"
        {
            // `Error("x")`, `Array(3)`, `Object()`: the same as with `new`.
            return self.op2(op::NEW, c as i64, args);
        }
        match builtin_name(builtin) {
            "Date" => {
                let now = self.now();
                self.string(date::to_string(now, self.tz))
            }
            "String" => {
                if argv.is_empty() {
                    return self.string("");
                }
                let s = self.to_js_string(arg(0));
                self.string(s)
            }
            "Number" => value::number(if argv.is_empty() { 0.0 } else { self.to_number(arg(0)) }),
            "Boolean" => value::boolean(self.truthy(arg(0))),
            name @ ("encodeURIComponent" | "encodeURI") => {
                let text = self.to_js_string(arg(0));
                let s = uri_encode(&text, name == "encodeURI");
                self.string(s)
            }
            name @ ("decodeURIComponent" | "decodeURI") => {
                let text = self.to_js_string(arg(0));
                match uri_decode(&text, name == "decodeURI") {
                    Some(s) => self.string(s),
                    None => self.throw("URIError", "URI malformed"),
                }
            }
            // Annex B.2.1–2 (still used by old bot code for URL building).
            "escape" => {
                let text = self.to_js_string(arg(0));
                let mut out = String::new();
                for u in text.encode_utf16() {
                    match u {
                        _ if u < 128
                            && (u8::try_from(u)
                                .is_ok_and(|b| b.is_ascii_alphanumeric() || b"@*_+-./".contains(&b))) =>
                        {
                            out.push(char::from(u as u8));
                        }
                        _ if u < 256 => out.push_str(&format!("%{u:02X}")),
                        _ => out.push_str(&format!("%u{u:04X}")),
                    }
                }
                self.string(out)
            }
            "unescape" => {
                let text: Vec<u16> = self.to_js_string(arg(0)).encode_utf16().collect();
                let hex = |units: &[u16]| -> Option<u16> {
                    let s = String::from_utf16(units).ok()?;
                    if !s.bytes().all(|b| b.is_ascii_hexdigit()) {
                        return None;
                    }
                    u16::from_str_radix(&s, 16).ok()
                };
                let mut out: Vec<u16> = Vec::with_capacity(text.len());
                let mut i = 0;
                while let Some(&unit) = text.get(i) {
                    if unit == u16::from(b'%') {
                        if text.get(i + 1) == Some(&u16::from(b'u'))
                            && let Some(v) = text.get(i + 2..i + 6).and_then(hex)
                        {
                            out.push(v);
                            i += 6;
                            continue;
                        }
                        if let Some(v) = text.get(i + 1..i + 3).and_then(hex) {
                            out.push(v);
                            i += 3;
                            continue;
                        }
                    }
                    out.push(unit);
                    i += 1;
                }
                self.string(String::from_utf16_lossy(&out))
            }
            "isNaN" => value::boolean(self.to_number(arg(0)).is_nan()),
            "isFinite" => value::boolean(self.to_number(arg(0)).is_finite()),
            "parseFloat" => value::number(parse_float(&self.to_js_string(arg(0)))),
            "parseInt" => {
                let radix = if arg(1) == UNDEFINED { 0 } else { self.to_int32(arg(1)) };
                value::number(parse_int(&self.to_js_string(arg(0)), radix))
            }
            other => self.throw("TypeError", format!("{other} is not a function")),
        }
    }

    // ---- crossing the botContext boundary ----

    /// The script value `v` as a host value: a cycle (an array or object met
    /// again inside itself) becomes `null`, as do members nested deeper
    /// than 64, and the copy is no bigger than the heap quota left.
    pub fn to_host(&self, v: i64, depth: usize) -> Value {
        let mut room = self.heap_room();
        self.to_host_within(v, depth, &mut room)
    }

    /// [`Host::to_host`] within `room` bytes (counted down; each member
    /// costs 16 bytes plus its text). An array or object can hold the same
    /// member many times over (`a = [a, a]` forty times is a few hundred
    /// bytes of heap and 2^40 members as a tree), so the copy is measured
    /// as it is made; past `room` the rest is `null` and the run stops at
    /// the heap limit.
    ///
    /// Numbers and strings, most of what scripts hand out, are copied here,
    /// inline (`copy_leaf`): returned from the out-of-line `copy_out`, a
    /// value came back through memory written by 8-byte stores and was
    /// read by 16-byte loads, a store-forwarding stall per argument.
    #[inline(always)]
    pub(crate) fn to_host_within(&self, v: i64, depth: usize, room: &mut usize) -> Value {
        match self.copy_leaf(v, room) {
            Some(leaf) => leaf,
            None => self.copy_out(v, depth, room, &mut Vec::new()),
        }
    }

    /// `copy_out` of a number or a string (`None`: anything else).
    #[inline(always)]
    fn copy_leaf(&self, v: i64, room: &mut usize) -> Option<Value> {
        if let Some(n) = number_value(v) {
            return Some(Value::Number(n));
        }
        let Some(Obj::Str(s)) = self.obj(v) else { return None };
        Some(if self.take_room(16 + s.len(), room) { Value::String(s.to_arc()) } else { Value::Null })
    }

    /// Counts `size` bytes of a copy against `room` and the fuel; `false`
    /// (the copy stops: `room` is 0, the run trapped) past either.
    #[inline(always)]
    fn take_room(&self, size: usize, room: &mut usize) -> bool {
        if size > *room {
            *room = 0;
            self.trip(crate::Limit::Heap);
            return false;
        }
        *room -= size;
        if !self.spend(VISIT_WORK + size as u64) {
            *room = 0;
            return false;
        }
        true
    }

    /// [`Host::to_host_within`]; `path` holds the arrays and objects being
    /// copied further up, so a cycle is cut where it closes instead of
    /// filling the quota with 64 levels of copies.
    fn copy_out(&self, v: i64, depth: usize, room: &mut usize, path: &mut Vec<i64>) -> Value {
        if let Some(leaf) = self.copy_leaf(v, room) {
            return leaf;
        }
        if !self.take_room(16, room) {
            return Value::Null;
        }
        let obj = self.obj(v);
        match v {
            UNDEFINED => Value::Undefined,
            NULL => Value::Null,
            TRUE => Value::Bool(true),
            FALSE => Value::Bool(false),
            _ if depth > 64 || path.contains(&v) => Value::Null,
            _ => match obj {
                Some(Obj::Arr(items)) => {
                    path.push(v);
                    let copy = items.iter().map(|&x| self.copy_out(x, depth + 1, room, path)).collect();
                    path.pop();
                    Value::Array(copy)
                }
                // Functions and `undefined` members are left out, as JSON
                // leaves them out.
                Some(Obj::Object(props, _)) => {
                    path.push(v);
                    let copy = props
                        .iter()
                        // Accessors too: a snapshot cannot run their getters
                        // (docs/known-differences.md).
                        .filter(|(_, x)| *x != UNDEFINED && !self.is_function(*x) && self.accessor(*x).is_none())
                        .map(|(k, x)| {
                            *room = room.saturating_sub(k.len());
                            (String::from(&**k), self.copy_out(*x, depth + 1, room, path))
                        })
                        .collect();
                    path.pop();
                    Value::Object(copy)
                }
                Some(Obj::Function(_)) => Value::Undefined,
                // Own enumerable properties only (name and message are not).
                Some(Obj::Error(e)) => Value::Object(
                    e.props
                        .iter()
                        .filter(|(_, x)| !self.is_function(*x))
                        .map(|(k, x)| (String::from(&**k), self.copy_out(*x, depth + 1, room, path)))
                        .collect(),
                ),
                // As JSON.stringify writes a Date (its toJSON).
                Some(Obj::Date(ms)) => date::to_iso_string(*ms).map_or(Value::Null, Value::from),
                // (Strings returned above.)
                _ => Value::object(Vec::new()),
            },
        }
    }

    /// The shared string for an imported property name.
    pub(crate) fn key_name(&mut self, k: &str) -> Arc<str> {
        // A slot picked by the name's text (its length and first and last
        // bytes: no full hash, and unlike its address the same from run to
        // run and machine to machine), checked by content.
        let at = key_slot(k.as_bytes());
        if let Some(Some(name)) = self.key_slots.get(at)
            && **name == *k
        {
            return name.clone();
        }
        let name = match self.names.get(k).or_else(|| self.key_names.get(k)) {
            Some(name) => name.clone(),
            None => {
                let name: Arc<str> = Arc::from(k);
                // Bounded in count and size: the set outlives the run's
                // heap quota.
                if self.key_names.len() >= KEY_NAMES_MAX || k.len() > KEY_NAME_MAX {
                    return name;
                }
                self.key_names.insert(name.clone());
                name
            }
        };
        if self.key_slots.is_empty() {
            self.key_slots = vec![None; KEY_SLOTS].into_boxed_slice();
        }
        if let Some(slot) = self.key_slots.get_mut(at) {
            *slot = Some(name.clone());
        }
        name
    }

    #[cfg(test)]
    fn import(&mut self, v: &Value) -> i64 {
        self.import_member(v)
    }

    /// [`Host::import`] of what a `botContext` method returned: the kept
    /// region if it holds this value and no import took it this run (see
    /// `Region`), else a new import, the run's candidate for the region
    /// if it is the first big one.
    fn import_result(&mut self, v: &Value) -> i64 {
        if !matches!(v, Value::Array(_) | Value::Object(_)) {
            return self.import_member(v);
        }
        if !self.region_taken
            && let Some(r) = &self.region
            && same_container(&r.source, v)
        {
            let (bytes, len) = (r.bytes, r.snapshot.len());
            self.region_taken = true;
            self.charge(bytes);
            return value::reference(len - 1);
        }
        let (start, before) = (self.heap.len(), self.heap_bytes.get());
        let x = self.import_container(v);
        let end = self.heap.len();
        if self.candidate.is_none() && end - start >= REGION_MIN_SLOTS && x == value::reference(end - 1) {
            let bytes = self.heap_bytes.get().saturating_sub(before);
            self.candidate = Some(Candidate { source: v.clone(), start, end, bytes });
        }
        x
    }

    /// At a run's end (`recycle_heap`), before the heap is recycled: what
    /// of it to keep as the region for the next run. A taken region is
    /// kept if it is intact; else a candidate the previous run imported
    /// too becomes the region (its slots taken out, to go to the bottom
    /// of the emptied heap); else an untaken region stays.
    fn keep_region(&mut self) -> Kept {
        let taken = std::mem::take(&mut self.region_taken);
        let candidate = self.candidate.take();
        // Only the slots need checking: what lives beside them (attributes,
        // arrays' named properties, host-object methods) is cleared after
        // every run (`clear`).
        if let Some(r) = &self.region {
            let len = r.snapshot.len();
            let intact = || self.heap.get(..len).is_some_and(|slots| slots.iter().zip(&r.snapshot).all(same_obj));
            if taken && intact() {
                return Kept::Bottom(len);
            }
            if taken {
                self.region = None;
            } else if candidate.is_none() {
                return Kept::Bottom(len);
            }
        }
        let untaken = Kept::Bottom(self.region.as_ref().map_or(0, |r| r.snapshot.len()));
        let Some(c) = candidate else { return untaken };
        let before = self.candidate_before.take();
        if !before.is_some_and(|b| same_container(&b, &c.source)) {
            self.candidate_before = Some(c.source);
            return untaken;
        }
        let mut next = c.start;
        let mut stack = Vec::new();
        if self.imported_as(&c.source, &mut next, &mut stack) != Some(value::reference(c.end - 1)) || next != c.end {
            self.candidate_before = Some(c.source);
            return untaken;
        }
        // Taken out (placeholders left: no slot above moves), their refs
        // renumbered from 0; the old region, if any, is recycled.
        self.region = None;
        self.imported.retain(|&(slot, _)| !(c.start..c.end).contains(&(slot as usize)));
        let rebase = |x: &mut i64| {
            if let Some(slot) = value::as_reference(*x)
                && (c.start..c.end).contains(&slot)
            {
                *x = value::reference(slot - c.start);
            }
        };
        let mut moved = Vec::with_capacity(c.end - c.start);
        for obj in self.heap.get_mut(c.start..c.end).into_iter().flatten() {
            let mut obj = std::mem::replace(obj, Obj::BotContext);
            match &mut obj {
                Obj::Arr(items) => items.iter_mut().for_each(rebase),
                Obj::Object(props, _) => props.iter_mut().for_each(|p| rebase(&mut p.1)),
                _ => {}
            }
            moved.push(obj);
        }
        self.region = Some(Region { source: c.source, snapshot: moved.clone(), bytes: c.bytes });
        Kept::Moved(moved)
    }

    /// Whether the heap slots from `*next` on hold what importing `v` made
    /// there (post-order, as `import_container` allocates; `stack` is
    /// scratch), advancing `next`: `v`'s value, or `None`.
    fn imported_as(&self, v: &Value, next: &mut usize, stack: &mut Vec<i64>) -> Option<i64> {
        Some(match v {
            Value::Undefined => UNDEFINED,
            Value::Null => NULL,
            Value::Bool(b) => value::boolean(*b),
            Value::Number(n) => value::number(*n),
            Value::String(s) => {
                let at = *next;
                *next += 1;
                match self.heap.get(at) {
                    Some(Obj::Str(Text::Shared(t))) if Arc::ptr_eq(t, s) => value::reference(at),
                    _ => return None,
                }
            }
            Value::Array(items) => {
                let mark = stack.len();
                for x in items.iter() {
                    let e = self.imported_as(x, next, stack)?;
                    stack.push(e);
                }
                let at = *next;
                *next += 1;
                let same =
                    matches!(self.heap.get(at), Some(Obj::Arr(have)) if stack.get(mark..) == Some(have.as_slice()));
                stack.truncate(mark);
                if !same {
                    return None;
                }
                value::reference(at)
            }
            Value::Object(props) => {
                let mark = stack.len();
                for (_, x) in props.iter() {
                    let e = self.imported_as(x, next, stack)?;
                    stack.push(e);
                }
                let at = *next;
                *next += 1;
                let same = match (self.heap.get(at), stack.get(mark..)) {
                    (Some(Obj::Object(have, UNDEFINED)), Some(values)) => {
                        have.len() == props.len()
                            && have
                                .iter()
                                .zip(props.iter())
                                .zip(values)
                                .all(|((h, (k, _)), x)| *h.0 == **k && h.1 == *x)
                    }
                    _ => false,
                };
                stack.truncate(mark);
                if !same {
                    return None;
                }
                value::reference(at)
            }
        })
    }

    /// [`Host::import`], the leaves in place: most members of an imported
    /// object or array are strings and numbers, which need no call.
    #[inline(always)]
    fn import_member(&mut self, v: &Value) -> i64 {
        match v {
            Value::Undefined => UNDEFINED,
            Value::Null => NULL,
            Value::Bool(b) => value::boolean(*b),
            Value::Number(n) => value::number(*n),
            Value::String(s) => self.string(s.clone()),
            _ => self.import_container(v),
        }
    }

    fn import_container(&mut self, v: &Value) -> i64 {
        match v {
            Value::Array(items) => {
                let mut out = self.items_buf(items.len());
                out.extend(items.iter().map(|x| self.import_member(x)));
                self.alloc_array(out)
            }
            Value::Object(props) => {
                let bucket = match (props.first(), props.last()) {
                    (Some(first), Some(last)) => names_bucket(props.len(), &first.0, &last.0),
                    _ => 0,
                };
                if let Some(v) = self.import_again(props, bucket) {
                    return v;
                }
                let mut out = self.props_buf(props.len());
                out.extend(props.iter().map(|(k, x)| (self.key_name(k), self.import_member(x))));
                order_index_keys(&mut out);
                let v = self.alloc(Obj::Object(out, UNDEFINED), 24 * props.len());
                self.note_imported(v, bucket);
                v
            }
            _ => self.import_member(v),
        }
    }

    /// Records an imported object for `recycle_heap` (no more than can be
    /// kept, as for `literals`).
    fn note_imported(&mut self, v: i64, bucket: usize) {
        if let Some(slot) = value::as_reference(v)
            && self.imported.len() < IMPORTED_MAX
        {
            self.imported.push((slot as u32, bucket as u8));
        }
    }

    /// Imports an object into a buffer an earlier run's import of an
    /// object with the same names in the same order left (see
    /// `imported_spares`; `bucket` is `names_bucket` of `props`), or `None`.
    fn import_again(&mut self, props: &[(String, Value)], bucket: usize) -> Option<i64> {
        let pool = self.imported_spares.get_mut(bucket)?;
        // The last few kept: a bucket full of other names costs little.
        let same = |buf: &Props| buf.len() == props.len() && buf.iter().zip(props).all(|(p, (k, _))| *p.0 == **k);
        let at = pool.iter().rev().take(4).position(same).map(|i| pool.len() - 1 - i)?;
        let mut buf = pool.swap_remove(at);
        self.imported_count -= 1;
        for (p, (_, x)) in buf.iter_mut().zip(props.iter()) {
            p.1 = self.import_member(x);
        }
        // The names are in `props`' order, as `import` takes them, and none
        // is an array index (`recycle_heap` keeps no such buffer): ordering
        // them (`order_index_keys`) would change nothing.
        let v = self.alloc(Obj::Object(buf, UNDEFINED), 24 * props.len());
        self.note_imported(v, bucket);
        Some(v)
    }
}

/// Where `needle` occurs in `s` at or after UTF-16 index `from` (the
/// first place), or at or before it (`last`: the last place), as a UTF-16
/// index. Rust's substring search (two-way, linear time; comparing code
/// units at every position takes `s.len() × needle.len()`) on the UTF-8
/// text finds the same places as a search of the code units: strings have
/// no lone surrogates (they become U+FFFD when a string is made), so a
/// match can only start and end on a character boundary.
fn find_units(s: &str, needle: &str, from: usize, last: bool) -> Option<usize> {
    use crate::regexp::{byte_index, utf16_index};
    let at = byte_index(s, from);
    let found = if last {
        let end = at.saturating_add(needle.len()).min(s.len());
        // `end` may fall inside a character: back to its start.
        let end = (0..=end).rev().find(|&b| s.is_char_boundary(b)).unwrap_or(0);
        s[..end].rfind(needle)
    } else {
        s[at..].find(needle).map(|i| i + at)
    };
    found.map(|b| utf16_index(s, b))
}

/// Error.prototype.toString's text (ES5 §15.11.4.4): `name: message`, or
/// whichever of the two is not empty.
fn error_text(name: &str, message: &str) -> String {
    match (name.is_empty(), message.is_empty()) {
        (_, true) => name.to_string(),
        (true, false) => message.to_string(),
        (false, false) => format!("{name}: {message}"),
    }
}

/// Puts integer-like keys first, ascending, as every JavaScript object
/// orders them (ES2015 §9.1.12 OrdinaryOwnPropertyKeys); the sort is stable,
/// so the other keys keep their order.
pub(crate) fn order_index_keys(props: &mut [(Arc<str>, i64)]) {
    if props.iter().any(|p| array_index(&p.0).is_some()) {
        props.sort_by_key(|p| array_index(&p.0).map_or(u64::MAX, u64::from));
    }
}

/// JSON.stringify without indentation (ES5 §15.12.3): numbers as JavaScript
/// prints them, non-finite numbers as `null`, `undefined` members skipped.
pub(crate) fn json_stringify(v: &Value) -> String {
    let mut out = String::new();
    write_json(v, &mut out);
    out
}

fn write_json(v: &Value, out: &mut String) {
    match v {
        Value::Undefined | Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&if n.is_finite() { number_to_string(*n) } else { "null".into() }),
        Value::String(s) => crate::calls::json::quote_into(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(x, out);
            }
            out.push(']');
        }
        Value::Object(props) => {
            out.push('{');
            let mut first = true;
            for (k, x) in props.iter().filter(|p| p.1 != Value::Undefined) {
                if !first {
                    out.push(',');
                }
                first = false;
                crate::calls::json::quote_into(out, k);
                out.push(':');
                write_json(x, out);
            }
            out.push('}');
        }
    }
}

/// `s` as an array index (a canonical integer below 2^32 - 1), if it is one.
/// encodeURIComponent / encodeURI (ES5 §15.1.3): UTF-8 bytes as `%XX`
/// except the unreserved marks (and, for a whole URI, the reserved ones
/// and `#`).
fn uri_encode(s: &str, whole_uri: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let keep = c.is_ascii_alphanumeric() || "-_.!~*'()".contains(c) || (whole_uri && ";/?:@&=+$,#".contains(c));
        if keep {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// decodeURIComponent / decodeURI: `None` for a malformed escape or bytes
/// that are not UTF-8 (a URIError). decodeURI keeps escapes of reserved
/// characters as they are.
fn uri_decode(s: &str, whole_uri: bool) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&c) = bytes.get(i) {
        if c != b'%' {
            out.push(c);
            i += 1;
            continue;
        }
        let hex = s.get(i + 1..i + 3)?;
        let b = u8::from_str_radix(hex, 16).ok()?;
        if whole_uri && b < 0x80 && ";/?:@&=+$,#".contains(b as char) {
            out.push(b'%');
            out.extend_from_slice(hex.as_bytes());
        } else {
            out.push(b);
        }
        i += 3;
    }
    String::from_utf8(out).ok()
}

/// Whether `s` is an array index (a canonical integer below 2^32 − 1).
pub(crate) fn is_array_index(s: &str) -> bool {
    array_index(s).is_some()
}

#[inline]
fn array_index(s: &str) -> Option<u32> {
    // Canonical digits only ("01" and "+1" are names), checked without
    // allocating: this runs for every new property and every imported
    // name, so most names are ruled out by their first byte, inline.
    let b = s.as_bytes();
    if !b.first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    if b.len() > 10 || !b.iter().all(u8::is_ascii_digit) || (b.first() == Some(&b'0') && b.len() > 1) {
        return None;
    }
    let n: u64 = b.iter().fold(0, |n, d| n * 10 + u64::from(d - b'0'));
    (n < u64::from(u32::MAX)).then_some(n as u32)
}

/// Number.prototype.toFixed (ES5 §15.7.4.5) for |x| < 1e21: the exact
/// decimal value rounded to `digits` places, halves away from zero (Rust's
/// formatting rounds the exact value too, but halves to even).
/// `Number.prototype.toString(radix)` for radix ≠ 10: the integer digits
/// exactly, then the fewest fraction digits that read back as the same
/// number (the algorithm V8 uses, so the digits agree with node's).
fn radix_string(x: f64, radix: u32) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Infinity".into() } else { "-Infinity".into() };
    }
    let digit = |d: u32| char::from_digit(d, radix).unwrap_or('0');
    let negative = x < 0.0;
    let x = x.abs();
    let mut integer = x.floor();
    let mut fraction = x - integer;
    // Half the distance to the next double: digits below it are noise.
    let next_up = f64::from_bits(x.to_bits() + 1);
    let mut delta = (0.5 * (next_up - x)).max(f64::from_bits(1));
    let mut frac_digits: Vec<u32> = Vec::new();
    if fraction >= delta {
        loop {
            fraction *= f64::from(radix);
            delta *= f64::from(radix);
            let d = fraction.floor() as u32;
            frac_digits.push(d);
            fraction -= f64::from(d);
            if (fraction > 0.5 || (fraction == 0.5 && d & 1 == 1)) && fraction + delta > 1.0 {
                {
                    // Round up, carrying into earlier digits (and the integer).
                    loop {
                        match frac_digits.pop() {
                            None => {
                                integer += 1.0;
                                break;
                            }
                            Some(d) if d + 1 < radix => {
                                frac_digits.push(d + 1);
                                break;
                            }
                            Some(_) => {}
                        }
                    }
                    break;
                }
            }
            if fraction < delta {
                break;
            }
        }
    }
    // Integer digits: exact while the value is exact; past 2^53 the low
    // digits are zeros, as in V8.
    let mut int_digits: Vec<char> = Vec::new();
    let r = f64::from(radix);
    while (integer / r).log2() >= 53.0 {
        integer = (integer / r).floor();
        int_digits.push('0');
    }
    loop {
        let rem = integer % r;
        int_digits.push(digit(rem as u32));
        integer = (integer - rem) / r;
        if integer < 1.0 {
            break;
        }
    }
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.extend(int_digits.iter().rev());
    if !frac_digits.is_empty() {
        out.push('.');
        out.extend(frac_digits.iter().map(|&d| digit(d)));
    }
    out
}

/// The first `p` significant decimal digits of `x` (> 0), rounded half up
/// on the exact binary value (ES5 §15.7.4.6–7: of two candidates, the
/// larger), and the decimal exponent of the first digit.
fn significant(x: f64, p: usize) -> (Vec<u8>, i32) {
    // 800 digits hold any double's exact decimal expansion.
    let s = format!("{:.800e}", x);
    let (mant, e) = s.split_once('e').unwrap_or((&s, "0"));
    let mut exp: i32 = e.parse().unwrap_or(0);
    let all: Vec<u8> = mant.bytes().filter(u8::is_ascii_digit).collect();
    let mut head: Vec<u8> = all.iter().take(p).copied().collect();
    if all.get(p).is_some_and(|&d| d >= b'5') {
        let mut i = head.len();
        loop {
            if i == 0 {
                head.insert(0, b'1');
                head.pop();
                exp += 1;
                break;
            }
            i -= 1;
            match head.get_mut(i) {
                Some(d) if *d == b'9' => *d = b'0',
                Some(d) => {
                    *d += 1;
                    break;
                }
                None => break,
            }
        }
    }
    (head, exp)
}

fn exponent_suffix(e: i32) -> String {
    if e < 0 { format!("e{e}") } else { format!("e+{e}") }
}

/// `toExponential(f)` (ES5 §15.7.4.6).
fn to_exponential(x: f64, f: usize) -> String {
    let sign = if x < 0.0 { "-" } else { "" };
    if x == 0.0 {
        return if f == 0 { "0e+0".into() } else { format!("0.{}e+0", "0".repeat(f)) };
    }
    let (d, e) = significant(x.abs(), f + 1);
    let d = String::from_utf8_lossy(&d).into_owned();
    let body = if f == 0 { d } else { format!("{}.{}", &d[..1], &d[1..]) };
    format!("{sign}{body}{}", exponent_suffix(e))
}

/// `toExponential()`: as many digits as the number needs (its shortest
/// round-trip form).
fn exponential_shortest(x: f64) -> String {
    if x == 0.0 {
        return "0e+0".into();
    }
    let s = format!("{x:e}");
    let (mant, e) = s.split_once('e').unwrap_or((&s, "0"));
    format!("{mant}{}", exponent_suffix(e.parse().unwrap_or(0)))
}

/// `toPrecision(p)` (ES5 §15.7.4.7).
fn to_precision(x: f64, p: usize) -> String {
    let sign = if x < 0.0 { "-" } else { "" };
    if x == 0.0 {
        return if p == 1 { "0".into() } else { format!("0.{}", "0".repeat(p - 1)) };
    }
    let (d, e) = significant(x.abs(), p);
    let d = String::from_utf8_lossy(&d).into_owned();
    let body = if e < -6 || e >= p as i32 {
        let m = if p == 1 { d } else { format!("{}.{}", &d[..1], &d[1..]) };
        format!("{m}{}", exponent_suffix(e))
    } else if e >= 0 {
        let k = e as usize + 1;
        if k >= p { d } else { format!("{}.{}", &d[..k], &d[k..]) }
    } else {
        format!("0.{}{d}", "0".repeat((-e - 1) as usize))
    };
    format!("{sign}{body}")
}

fn to_fixed(x: f64, digits: usize) -> String {
    let exact = format!("{:.1100}", x.abs());
    // `{:.1100}` always writes a fraction of 1,100 digits.
    let dot = exact.find('.').unwrap_or(exact.len());
    let rest = exact.get(dot + 1 + digits..).unwrap_or_default();
    let tie = rest.strip_prefix('5').is_some_and(|r| r.bytes().all(|b| b == b'0'));
    let mut s = if tie {
        // Round the magnitude up: add one unit in the last place.
        let unit = 10f64.powi(-(digits as i32));
        format!("{:.digits$}", (x.abs() / unit).trunc() * unit + unit)
    } else {
        format!("{:.digits$}", x.abs())
    };
    // The sign of a negative number stays even when the digits round to 0
    // ("-0.00"); -0 itself is not negative.
    if x < 0.0 {
        s.insert(0, '-');
    }
    s
}

/// parseFloat (ES5 §15.1.2.3): the longest decimal prefix.
fn parse_float(s: &str) -> f64 {
    let t = s.trim_start();
    if t.starts_with("Infinity") || t.starts_with("+Infinity") {
        return f64::INFINITY;
    }
    if t.starts_with("-Infinity") {
        return f64::NEG_INFINITY;
    }
    let b = t.as_bytes();
    let mut end = 0;
    let mut best = None;
    if matches!(b.first(), Some(b'+' | b'-')) {
        end += 1;
    }
    let mut seen_dot = false;
    let mut seen_digit = false;
    while let Some(&c) = b.get(end) {
        match c {
            b'0'..=b'9' => {
                seen_digit = true;
                best = Some(end + 1);
            }
            b'.' if !seen_dot => seen_dot = true,
            b'e' | b'E' if seen_digit => {
                let mut e = end + 1;
                if matches!(b.get(e), Some(b'+' | b'-')) {
                    e += 1;
                }
                let digits = b.iter().skip(e).take_while(|c| c.is_ascii_digit()).count();
                if digits > 0 {
                    best = Some(e + digits);
                }
                break;
            }
            _ => break,
        }
        end += 1;
    }
    best.and_then(|e| t[..e].parse().ok()).unwrap_or(f64::NAN)
}

/// parseInt (ES5 §15.1.2.2).
fn parse_int(s: &str, radix: i32) -> f64 {
    let t = s.trim_start();
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let (mut radix, mut t) = (radix, t);
    if (radix == 0 || radix == 16)
        && let Some(r) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X"))
    {
        t = r;
        radix = 16;
    }
    if radix == 0 {
        radix = 10;
    }
    if !(2..=36).contains(&radix) {
        return f64::NAN;
    }
    let len = t.chars().take_while(|c| c.is_digit(radix as u32)).count();
    if len == 0 {
        return f64::NAN;
    }
    let n = if radix == 10 {
        // Decimal: correctly rounded, as the spec asks for up to 20 digits.
        t[..len].parse::<f64>().unwrap_or(f64::NAN)
    } else {
        t.chars()
            .take(len)
            .filter_map(|c| c.to_digit(radix as u32))
            .fold(0.0, |acc, d| acc * f64::from(radix) + f64::from(d))
    };
    if neg { -n } else { n }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A host with no program and no `botContext`.
    fn bare_host() -> Host {
        Host::new(
            None,
            Arc::from([]),
            Host::constants(&[]),
            Arc::new(crate::regexp::RegexCache::default()),
            Tables::default(),
            HeapLimit(1 << 20),
            10_000,
        )
    }

    #[test]
    fn heap_slots_stay_small() {
        // `HEAP_HINT_MAX` slots are reserved per session at most: 160 KiB.
        assert!(size_of::<Obj>() <= 40, "{}", size_of::<Obj>());
    }

    /// The by-address cache in front of the shared names answers only
    /// with the text asked for, whatever else was at that address before.
    #[test]
    fn key_name_cache_checks_the_text() {
        let mut h = bare_host();
        let mut buf = String::from("alpha");
        let a = h.key_name(&buf);
        let at = buf.as_ptr();
        buf.clear();
        buf.push_str("omega");
        assert_eq!(buf.as_ptr(), at, "the same address, other text");
        assert_eq!(&*h.key_name(&buf), "omega");
        let again = String::from("alpha");
        assert!(Arc::ptr_eq(&a, &h.key_name(&again)), "shared from another address");
        assert_eq!(&*h.key_name(&buf), "omega");
    }

    /// Imported property names are shared, but the set that outlives a
    /// run stays bounded in count and in name length.
    #[test]
    fn shared_key_names_are_bounded() {
        let mut h = bare_host();
        let a = h.key_name("id");
        assert!(Arc::ptr_eq(&a, &h.key_name("id")), "a short name is shared");
        let long = "k".repeat(65);
        assert!(!Arc::ptr_eq(&h.key_name(&long), &h.key_name(&long)), "a long name is not kept");
        for i in 0..KEY_NAMES_MAX + 100 {
            h.key_name(&format!("name{i}"));
        }
        assert_eq!(h.key_names.len(), KEY_NAMES_MAX);
        assert_eq!(&*h.key_name("name999999"), "name999999", "past the bound names still work");
    }

    /// A run that makes many literals leaves at most `SPARES_MAX` buffers
    /// (and records no more than that), each with exactly its shape's names;
    /// the next run's literals of that shape take them.
    #[test]
    fn kept_literal_buffers_are_bounded() {
        let keys: Arc<[Arc<str>]> = ["a", "b"].iter().map(|k| Arc::from(*k)).collect::<Vec<_>>().into();
        let tables = Tables { shapes: vec![Shape::new(keys.clone())].into(), ..Tables::default() };
        let mut h = Host::new(
            None,
            Arc::from([]),
            Host::constants(&[]),
            Arc::new(crate::regexp::RegexCache::default()),
            tables,
            HeapLimit(1 << 26),
            10_000,
        );
        for i in 0..SPARES_MAX + 500 {
            h.op_with(op::OBJECT, 0, value::number(i as f64), TRUE, UNDEFINED);
        }
        assert_eq!(h.literals.len(), SPARES_MAX);
        h.clear();
        assert_eq!(h.shaped_count, SPARES_MAX);
        let kept = h.shaped_spares.iter().flatten();
        assert!(kept.clone().all(|p| p.iter().map(|e| &e.0).eq(keys.iter())));
        assert_eq!(kept.count(), SPARES_MAX);
        let v = h.op_with(op::OBJECT, 0, NULL, FALSE, UNDEFINED);
        assert_eq!(h.shaped_count, SPARES_MAX - 1);
        let a = h.string("a");
        let b = h.string("b");
        assert_eq!((h.get(v, a), h.get(v, b)), (NULL, FALSE));
    }

    /// What the buffers kept for the next run's imports hold stays bounded:
    /// at most `IMPORTED_MAX` of them, none with a long name, and a buffer is
    /// taken only by an object with its names.
    #[test]
    fn kept_import_buffers_are_bounded() {
        let mut h = bare_host();
        let object = |names: &[String]| {
            Value::Object(names.iter().map(|k| (k.clone(), Value::Number(1.0))).collect::<Vec<_>>().into())
        };
        for i in 0..IMPORTED_MAX + 100 {
            h.import(&object(&[format!("name{i}"), "x".into()]));
        }
        h.import(&object(&["k".repeat(KEY_NAME_MAX + 1)]));
        h.clear();
        assert_eq!(h.imported_count, IMPORTED_MAX);
        let kept: usize = h.imported_spares.iter().map(Vec::len).sum();
        assert_eq!(kept, IMPORTED_MAX);
        assert!(h.imported_spares.iter().flatten().flatten().all(|(k, _)| k.len() <= KEY_NAME_MAX));
        // Same names: taken (the last kept, on top of its bucket); other
        // names or order: not.
        let v = h.import(&object(&[format!("name{}", IMPORTED_MAX - 1), "x".into()]));
        assert_eq!(h.imported_count, IMPORTED_MAX - 1);
        h.import(&object(&["x".into(), format!("name{}", IMPORTED_MAX - 2)]));
        assert_eq!(h.imported_count, IMPORTED_MAX - 1);
        let x = h.string("x");
        assert_eq!(h.get(v, x), value::number(1.0));
    }

    #[test]
    fn array_indices_are_canonical_uint32_below_the_maximum() {
        for (s, want) in [
            ("0", Some(0)),
            ("10", Some(10)),
            ("4294967294", Some(4_294_967_294)),
            ("4294967295", None),
            ("42949672950", None),
            ("01", None),
            ("", None),
            ("+1", None),
            ("1e3", None),
            ("-0", None),
            ("length", None),
        ] {
            assert_eq!(array_index(s), want, "{s:?}");
        }
    }

    #[test]
    fn number_parsing_follows_es5() {
        assert_eq!(parse_int("  42px", 0), 42.0);
        assert_eq!(parse_int("0x1f", 0), 31.0);
        assert_eq!(parse_int("-12", 10), -12.0);
        assert!(parse_int("abc", 10).is_nan());
        assert_eq!(parse_float("2.5abc"), 2.5);
        assert_eq!(parse_float("1e3x"), 1000.0);
        assert_eq!(parse_float(".5"), 0.5);
        assert!(parse_float("e5").is_nan());
    }

    /// The string buffers a host keeps for the next runs (strings a run
    /// made, builders) stay within `TEXT_SPARE_BYTES` in all, whatever the
    /// runs made, and `spare_text_bytes` counts exactly what is kept.
    #[test]
    fn kept_string_buffers_are_bounded() {
        let mut h = bare_host();
        for round in 0..3 {
            // Strings of many sizes, up to past `BUFFER_KEPT_MAX`.
            for i in 0..2_000usize {
                let n = (i * 37 % 5_000) + if i % 97 == 0 { BUFFER_KEPT_MAX } else { 0 };
                let mut buf = h.take_builder();
                buf.push_str(&"x".repeat(n));
                h.string(buf);
            }
            h.clear();
            let kept: usize = h.spare_builders.iter().map(String::capacity).sum();
            assert_eq!(kept, h.spare_text_bytes, "round {round}");
            assert!(kept <= TEXT_SPARE_BYTES, "round {round}: {kept}");
            assert!(h.spare_builders.iter().all(|b| b.is_empty() && b.capacity() <= BUFFER_KEPT_MAX));
        }
    }
}
