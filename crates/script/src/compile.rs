//! JavaScript → WebAssembly.
//!
//! One module per bot: the global-functions script and every code panel.
//! Each JavaScript function becomes a wasm function `(this, args) -> value`;
//! each panel becomes an exported `() -> value`. Values are NaN-boxed `i64`
//! (see `value.rs`): number arithmetic and comparisons run inline, anything
//! else calls one of three host operations (`runtime.rs`). Errors follow a
//! return-flag protocol: a host operation that throws returns the
//! `EXCEPTION` sentinel, and every caller passes it straight up.
//!
//! What is not compiled is reported, never guessed: `S001` for syntax
//! errors, `S010` for syntax outside CB's ES5 dialect, `S020` for ES5 that
//! this version of cbot does not compile yet.

#![expect(
    clippy::indexing_slicing,
    reason = "the code generator works on what it built itself: source indices from enumerating `sources`, \
              function indices reserved before their bodies are compiled (`bodies`/`fn_info` have a slot per \
              reserved function), scope-analysis frames and declarations recorded for every function and name the \
              same program holds (scope.rs runs first on the same AST), and template literals with one more quasi \
              than expressions (ES2015 §12.2.9, as oxc parses them)"
)]

use crate::runtime::{BUILTINS, CONST_BASE, PROTOTYPES, PathKey, Tree, TreeNode, TreeSlot, op};
use crate::scope::{Analysis, FrameKind, hoisted_vars, key, walk_statement};
use crate::value::{self, EXCEPTION, FALSE, FIRST_TAG, NULL, REF, TRUE, UNDEFINED};
use oxc_allocator::Allocator;
use oxc_ast::ast::*;
use oxc_span::{GetSpan, SourceType, Span};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use std::sync::Arc;
use wasm_encoder::{
    BlockType, CodeSection, ConstExpr, ElementSection, Elements, EntityType, ExportKind, ExportSection,
    Function as WFunction, FunctionSection, GlobalSection, GlobalType, ImportSection, Instruction as I, Module,
    RefType, TableSection, TableType, TypeSection, ValType,
};

/// What a script is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScriptKind {
    /// The bot's global functions: its functions and variables are visible
    /// to every panel; its top-level code runs before each panel.
    Globals,
    /// A code panel (pre-process, post-process, process-user-response,
    /// transform script): a function body, top-level `return` allowed.
    Panel,
}

/// One script to compile.
#[derive(Debug, Clone, Copy)]
pub struct ScriptSource<'s> {
    /// Name for messages and for [`crate::Program::run`] (e.g. `start/preProcessMessage`).
    pub name: &'s str,
    /// The JavaScript.
    pub text: &'s str,
    /// Its role.
    pub kind: ScriptKind,
}

/// A problem found while compiling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptDiagnostic {
    /// `S001` syntax, `S002` nested too deeply to compile, `S010` outside
    /// the dialect, `S020` not supported yet.
    pub code: &'static str,
    /// One-line message.
    pub message: String,
    /// Index of the script in the list given to [`crate::Engine::compile`].
    pub script: usize,
    /// Byte range in that script.
    pub span: (u32, u32),
    /// How to fix it, when known.
    pub help: Option<String>,
}

pub(crate) struct Output {
    pub wasm: Vec<u8>,
    pub strings: Vec<Arc<str>>,
    pub panels: Vec<String>,
    /// The regex literals, compiled.
    pub regexes: crate::regexp::RegexCache,
    /// Each function's `name` and `length`, by table slot − 1.
    pub fn_info: Vec<(Arc<str>, u32)>,
    /// The key lists of object literals built in one go (`op::OBJECT`).
    pub shapes: Vec<Arc<[Arc<str>]>>,
    /// The key paths of reads of reads read in one go (`op::GET_PATH`).
    pub paths: Vec<Arc<[PathKey]>>,
    /// Nests of literals made in one go (`op::TREE`).
    pub trees: Vec<Tree>,
}

// Function indices: the import, then helpers, then JavaScript functions.
/// The one host import, `op(code, a, b, c)`: every operation beyond inline
/// number arithmetic (runtime.rs `op`); unused operands are 0. One import
/// instead of one per arity: each import costs every new instance time.
const F_OP: u32 = 0;
const F_TRUTHY: u32 = 1;
const F_ADD: u32 = 2;
const F_SUB: u32 = 3;
const F_MUL: u32 = 4;
const F_DIV: u32 = 5;
const F_LT: u32 = 6;
const F_GT: u32 = 7;
const F_LE: u32 = 8;
const F_GE: u32 = 9;
const F_SEQ: u32 = 10;
const F_EQ: u32 = 11;
/// The three steps of a chain of `+` (`Cx::concat`): numbers inline,
/// anything else the host's `op::CAT_START`, `op::CAT_MORE`, `op::CAT_END`.
const F_CAT_START: u32 = 12;
const F_CAT_MORE: u32 = 13;
const F_CAT_END: u32 = 14;
/// A step of such a chain that takes the string literal after its operand
/// too (`op::CAT_MORE_LITERAL`, `op::CAT_END_LITERAL`): one host operation
/// for both.
const F_CAT_MORE_LITERAL: u32 = 15;
const F_CAT_END_LITERAL: u32 = 16;
/// Table slot 0: a call of a host-implemented function value.
const F_NATIVE: u32 = 17;
/// The exported `call`, through which the host calls JavaScript functions.
const F_DISPATCH: u32 = 18;
const FIRST_USER_FUNC: u32 = 19;

/// The table slot of a JavaScript function (slot 0 is `F_NATIVE`).
fn slot_of(index: u32) -> u32 {
    index - FIRST_USER_FUNC + 1
}

// Types.
const T_OP: u32 = 0;
const T_TRUTHY: u32 = 1;
const T_BIN: u32 = 2; // (i64, i64) -> i64: helpers
const T_PANEL: u32 = 3;
/// JavaScript functions: `(closure, this, args) -> value`.
const T_FN: u32 = 4;
const T_DISPATCH: u32 = 5;
/// `(closure, this, p0, …, p(n-1)) -> value`: the direct entry of a
/// JavaScript function with `n` parameters is type `T_DIRECT + n`.
const T_DIRECT: u32 = 6;

/// The most parameters a function takes as wasm parameters (its direct
/// entry, `direct_arity`); one with more takes an arguments array.
const MAX_DIRECT: usize = 8;

/// Whether function `f` gets a direct entry, and with how many
/// parameters: a call that names it passes the arguments as wasm
/// parameters, not as an array the callee reads back through the host
/// (two host operations and an allocation per call). It needs plain,
/// distinct parameter names, no rest parameter, and no use of its own
/// `arguments` (which is that array). Calls through function values
/// (callbacks, methods, `call`/`apply`) reach it through an adapter that
/// unpacks the array (`assemble`).
fn direct_arity(f: FnRef<'_, '_>, analysis: &Analysis) -> Option<u32> {
    let (params, k) = match f {
        FnRef::Function(f) if !f.generator && !f.r#async => (&*f.params, key(f)),
        FnRef::Arrow(a) if !a.r#async => (&*a.params, key(a)),
        _ => return None,
    };
    if params.rest.is_some() || params.items.len() > MAX_DIRECT {
        return None;
    }
    let mut names: Vec<&str> = Vec::with_capacity(params.items.len());
    for p in &params.items {
        match &p.pattern {
            BindingPattern::BindingIdentifier(id) if !names.contains(&id.name.as_str()) => names.push(id.name.as_str()),
            _ => return None,
        }
    }
    let frame = analysis.frames.get(&k)?;
    (!frame.uses_arguments).then_some(names.len() as u32)
}

/// The global holding the current source position (`script << 22 | offset`).
const G_LOC: u32 = 0;

/// Constants every run sees (runtime.rs `Host::constants`): `botContext`,
/// the built-ins, their prototypes, then the string literals.
pub(crate) const BOT_CONTEXT_SLOT: usize = CONST_BASE;

fn builtin_ref(i: usize) -> i64 {
    value::reference(CONST_BASE + 1 + i)
}

/// The most keys one GET_PATH reads (a longer chain reads its start first).
const MAX_PATH: usize = crate::runtime::PATH_MAX;

/// A literal key of a read path.
enum Lit<'a> {
    Str(&'a str),
    Num(f64),
}

/// The object and key of a member expression (`key` None: `object.name`).
fn member_parts<'e, 'a>(e: &'e Expression<'a>) -> Option<(&'e Expression<'a>, Option<&'e Expression<'a>>, &'e str)> {
    match e.without_parentheses() {
        Expression::StaticMemberExpression(m) => Some((&m.object, None, m.property.name.as_str())),
        Expression::ComputedMemberExpression(m) => Some((&m.object, Some(&m.expression), "")),
        _ => None,
    }
}

/// A key that is a literal (`None`: a static name, a constant too, handled
/// by the caller).
fn constant_key<'e>(key: Option<&'e Expression<'_>>) -> Option<Lit<'e>> {
    match key?.without_parentheses() {
        Expression::StringLiteral(s) => Some(Lit::Str(s.value.as_str())),
        Expression::NumericLiteral(n) => Some(Lit::Num(n.value)),
        _ => None,
    }
}

/// Whether `e` always evaluates to `true` or `false`: a comparison (the
/// helpers and the IN/INSTANCEOF operations give booleans; a throw never
/// gets here), `!`, a boolean literal, or `&&`/`||` of such values.
fn always_boolean(e: &Expression<'_>) -> bool {
    match e.without_parentheses() {
        Expression::BooleanLiteral(_) => true,
        Expression::UnaryExpression(u) => u.operator == UnaryOperator::LogicalNot,
        Expression::BinaryExpression(b) => matches!(
            b.operator,
            BinaryOperator::LessThan
                | BinaryOperator::GreaterThan
                | BinaryOperator::LessEqualThan
                | BinaryOperator::GreaterEqualThan
                | BinaryOperator::StrictEquality
                | BinaryOperator::StrictInequality
                | BinaryOperator::Equality
                | BinaryOperator::Inequality
                | BinaryOperator::In
                | BinaryOperator::Instanceof
        ),
        Expression::LogicalExpression(l) => {
            matches!(l.operator, LogicalOperator::And | LogicalOperator::Or)
                && always_boolean(&l.left)
                && always_boolean(&l.right)
        }
        _ => false,
    }
}

/// Whether a read path passes `key` as an operand (not a constant).
fn is_operand(key: Option<&Expression<'_>>) -> bool {
    key.is_some() && constant_key(key).is_none()
}

/// The index of string literal 0 among the program's constants (runtime.rs
/// `Host::constants`: `botContext`, the built-ins, their prototypes, then
/// the strings).
fn strings_start() -> usize {
    CONST_BASE + 1 + BUILTINS.len() + PROTOTYPES.len()
}

/// String literal `id` (the program's constants, runtime.rs `Host::constants`).
fn string_ref(id: u32) -> i64 {
    value::reference(strings_start() + id as usize)
}

/// The string literal id of a [`string_ref`], if `v` is one.
fn string_id(v: i64) -> Option<usize> {
    value::as_reference(v)?.checked_sub(strings_start())
}

pub(crate) fn compile(sources: &[ScriptSource<'_>]) -> Result<Output, Vec<ScriptDiagnostic>> {
    // On a thread of its own with a large stack: parsing and compiling
    // recurse as deep as the script nests (see `nesting`), and the caller
    // may be on a small stack (a server's worker, a test thread).
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("cbot-compile".into())
            .stack_size(crate::nesting::COMPILE_STACK)
            .spawn_scoped(scope, || compile_here(sources))
            .map_err(|e| {
                vec![ScriptDiagnostic {
                    code: "S002",
                    message: format!("cannot start the compiler's thread: {e}"),
                    script: 0,
                    span: (0, 0),
                    help: None,
                }]
            })?
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })
}

fn compile_here(sources: &[ScriptSource<'_>]) -> Result<Output, Vec<ScriptDiagnostic>> {
    let allocators: Vec<Allocator> = sources.iter().map(|_| Allocator::default()).collect();
    let mut diags = Vec::new();
    let mut programs = Vec::new();
    for (i, (src, alloc)) in sources.iter().zip(&allocators).enumerate() {
        if let Some(at) = crate::nesting::too_deep(src.text) {
            diags.push(ScriptDiagnostic {
                code: "S002",
                message: format!(
                    "the script nests too deeply to compile (more than {} levels, counting operators in a chain)",
                    crate::nesting::MAX_NESTING
                ),
                script: i,
                span: (at as u32, at as u32 + 1),
                help: Some("split the expression or the nested blocks into functions or variables".into()),
            });
            continue;
        }
        let opts = oxc_parser::ParseOptions {
            allow_return_outside_function: src.kind == ScriptKind::Panel,
            ..Default::default()
        };
        let ret = oxc_parser::Parser::new(alloc, src.text, SourceType::cjs()).with_options(opts).parse();
        if ret.panicked || ret.diagnostics.has_errors() {
            for e in ret.diagnostics.errors() {
                let (start, end) = e.labels.first().map_or((0, 0), |l| (l.offset(), l.offset() + l.len()));
                diags.push(ScriptDiagnostic {
                    code: "S001",
                    message: format!("syntax error: {}", e.message),
                    script: i,
                    span: (start, end),
                    help: e.help.as_ref().map(|h| h.to_string()),
                });
            }
            continue;
        }
        programs.push((i, ret.program));
    }
    if !diags.is_empty() {
        return Err(diags);
    }

    let mut m = ModuleState::default();
    for (i, program) in &programs {
        m.analysis.add(*i, program, sources[*i].kind == ScriptKind::Panel);
    }
    for (script, span, what) in std::mem::take(&mut m.analysis.diags) {
        m.script = script;
        m.not_yet(span, &what);
    }
    let globals: Vec<&(usize, Program<'_>)> =
        programs.iter().filter(|(i, _)| sources[*i].kind == ScriptKind::Globals).collect();
    // The globals script's variables and functions are wasm globals; its
    // functions get their indices first, so every script can call them
    // directly.
    let mut global_decls = Vec::new();
    for (i, program) in &globals {
        for stmt in &program.body {
            hoisted_vars(std::slice::from_ref(stmt), true, &mut |name| m.global_var(name));
            walk_statement(stmt, &mut |s| {
                if let Statement::FunctionDeclaration(f) = s
                    && let Some(id) = &f.id
                {
                    let index = m.reserve_for(FnRef::Function(f));
                    m.global_funcs.insert(id.name.to_string(), index);
                    m.global_var(id.name.as_str());
                    global_decls.push((*i, &**f, index));
                }
            });
        }
    }
    for (i, f, index) in global_decls {
        m.script = i;
        compile_function(&mut m, FnRef::Function(f), &[], index);
    }
    // The globals' top-level code, run before each panel: first the
    // function objects of the global functions used as values.
    let init = (!globals.is_empty()).then(|| {
        let mut g = FnGen::new(&mut m, FnKind::Init, Layout::global(), Vec::new());
        let mut eager: Vec<(String, u32)> =
            g.m.global_funcs
                .iter()
                .filter(|(n, _)| g.m.analysis.global_values.contains(*n) || g.m.analysis.global_assigned.contains(*n))
                .map(|(n, i)| (n.clone(), *i))
                .collect();
        eager.sort_by_key(|e| e.1);
        for (name, index) in eager {
            g.make_closure(index, false);
            let global = g.m.global_vars[&name];
            g.emit(I::GlobalSet(global));
        }
        for (i, program) in &globals {
            g.m.script = *i;
            g.statements(&program.body);
        }
        g.emit(I::I64Const(UNDEFINED));
        g.finish()
    });
    let init_index = m.reserve();
    m.after_init = true;
    let mut panels = Vec::new();
    let mut panel_bodies = Vec::new();
    for (i, program) in programs.iter().filter(|(i, _)| sources[*i].kind == ScriptKind::Panel) {
        m.script = *i;
        let layout = Layout::of(&mut m, key(program), &program.body);
        let mut g = FnGen::new(&mut m, FnKind::Panel, layout, Vec::new());
        // Every run starts from undefined globals, also when a session
        // reuses the instance (runs must not see each other's state).
        for gi in 1..=g.m.global_vars.len() as u32 {
            g.emit(I::I64Const(UNDEFINED));
            g.emit(I::GlobalSet(gi));
        }
        if init.is_some() {
            g.emit(I::I64Const(UNDEFINED));
            g.emit(I::I64Const(UNDEFINED));
            g.emit(I::I64Const(UNDEFINED));
            g.emit(I::Call(init_index));
            g.check();
            g.emit(I::Drop);
        }
        g.prologue(&[], &program.body, None);
        g.statements(&program.body);
        g.emit(I::I64Const(UNDEFINED));
        panel_bodies.push(g.finish());
        panels.push(sources[*i].name.to_string());
    }
    if !m.diags.is_empty() {
        m.diags.sort_by_key(|d| (d.script, d.span));
        return Err(m.diags);
    }
    let init_body = init.unwrap_or_else(|| {
        let mut f = WFunction::new([]);
        f.instruction(&I::I64Const(UNDEFINED)).instruction(&I::End);
        f
    });
    m.bodies[(init_index - FIRST_USER_FUNC) as usize] = Some(init_body);
    Ok(Output {
        wasm: assemble(&m, panel_bodies),
        strings: m.strings,
        panels,
        regexes: m.regexes,
        fn_info: m.fn_info,
        shapes: m.shapes,
        paths: m.paths,
        trees: m.trees,
    })
}

#[expect(clippy::expect_used, reason = "`compile` fills every reserved body before it assembles the module")]
fn assemble(m: &ModuleState, panels: Vec<WFunction>) -> Vec<u8> {
    let mut types = TypeSection::new();
    types.ty().function([ValType::I32, ValType::I64, ValType::I64, ValType::I64], [ValType::I64]);
    types.ty().function([ValType::I64], [ValType::I32]);
    types.ty().function([ValType::I64, ValType::I64], [ValType::I64]);
    types.ty().function([], [ValType::I64]);
    types.ty().function([ValType::I64, ValType::I64, ValType::I64], [ValType::I64]);
    types.ty().function([ValType::I64, ValType::I64, ValType::I64, ValType::I32], [ValType::I64]);
    // The direct entries' types, up to the most parameters one takes.
    let most = m.direct.iter().flatten().max().map_or(0, |&n| n as usize + 1);
    for n in 0..most {
        types.ty().function(vec![ValType::I64; 2 + n], [ValType::I64]);
    }
    let mut imports = ImportSection::new();
    imports.import("cbot", "op", EntityType::Function(T_OP));
    let mut funcs = FunctionSection::new();
    let mut code = CodeSection::new();
    funcs.function(T_TRUTHY);
    code.function(&helper_truthy());
    for (op_code, f) in [(op::ADD, F_ADD), (op::SUB, F_SUB), (op::MUL, F_MUL), (op::DIV, F_DIV)] {
        funcs.function(T_BIN);
        code.function(&helper_arith(op_code, f));
    }
    for op_code in [op::LT, op::GT, op::LE, op::GE] {
        funcs.function(T_BIN);
        code.function(&helper_compare(op_code));
    }
    funcs.function(T_BIN);
    code.function(&helper_equals(op::SEQ, true));
    funcs.function(T_BIN);
    code.function(&helper_equals(op::EQ, false));
    for op_code in [op::CAT_START, op::CAT_MORE, op::CAT_END] {
        funcs.function(T_BIN);
        code.function(&helper_arith(op_code, F_ADD));
    }
    for op_code in [op::CAT_MORE_LITERAL, op::CAT_END_LITERAL] {
        funcs.function(T_FN);
        code.function(&helper_op3(op_code));
    }
    // Table slot 0: calling a function the host implements (a built-in).
    funcs.function(T_FN);
    code.function(&helper_op3(op::CALL_NATIVE));
    // `call(closure, this, args, slot)`: how the host calls a JavaScript
    // function (callbacks, methods).
    funcs.function(T_DISPATCH);
    let mut dispatch = WFunction::new([]);
    for l in 0..4 {
        dispatch.instruction(&I::LocalGet(l));
    }
    dispatch.instruction(&I::CallIndirect { type_index: T_FN, table_index: 0 }).instruction(&I::End);
    code.function(&dispatch);
    for (body, direct) in m.bodies.iter().zip(&m.direct) {
        funcs.function(direct.map_or(T_FN, |n| T_DIRECT + n));
        code.function(body.as_ref().expect("every reserved function is compiled"));
    }
    let first_panel = FIRST_USER_FUNC + m.bodies.len() as u32;
    let mut exports = ExportSection::new();
    for (k, p) in panels.iter().enumerate() {
        funcs.function(T_PANEL);
        code.function(p);
        exports.export(&format!("panel{k}"), ExportKind::Func, first_panel + k as u32);
    }
    // A function with a direct entry is reached through its table slot
    // (function values, the host's calls) by an adapter that takes the
    // arguments array apart. Reading an array's item cannot throw.
    let mut next = first_panel + panels.len() as u32;
    let mut slot_funcs = vec![F_NATIVE];
    for (k, direct) in m.direct.iter().enumerate() {
        let body = FIRST_USER_FUNC + k as u32;
        let Some(n) = *direct else {
            slot_funcs.push(body);
            continue;
        };
        funcs.function(T_FN);
        let mut adapter = WFunction::new([]);
        adapter.instruction(&I::LocalGet(0)).instruction(&I::LocalGet(1));
        for i in 0..n {
            adapter
                .instruction(&I::I32Const(op::GET))
                .instruction(&I::LocalGet(2))
                .instruction(&I::I64Const(value::number(f64::from(i))))
                .instruction(&I::I64Const(0))
                .instruction(&I::Call(F_OP));
        }
        adapter.instruction(&I::Call(body)).instruction(&I::End);
        code.function(&adapter);
        slot_funcs.push(next);
        next += 1;
    }
    exports.export("call", ExportKind::Func, F_DISPATCH);
    // Every JavaScript function, by slot (function index - F_NATIVE).
    let n_slots = 1 + m.bodies.len() as u64;
    let mut tables = TableSection::new();
    tables.table(TableType {
        element_type: RefType::FUNCREF,
        table64: false,
        minimum: n_slots,
        maximum: Some(n_slots),
        shared: false,
    });
    let mut elements = ElementSection::new();
    elements.active(Some(0), &ConstExpr::i32_const(0), Elements::Functions(slot_funcs.into()));
    let mut globals = GlobalSection::new();
    globals.global(GlobalType { val_type: ValType::I32, mutable: true, shared: false }, &ConstExpr::i32_const(0));
    for _ in 0..m.global_vars.len() {
        globals.global(
            GlobalType { val_type: ValType::I64, mutable: true, shared: false },
            &ConstExpr::i64_const(UNDEFINED),
        );
    }
    exports.export("loc", ExportKind::Global, G_LOC);
    let mut module = Module::new();
    module
        .section(&types)
        .section(&imports)
        .section(&funcs)
        .section(&tables)
        .section(&globals)
        .section(&exports)
        .section(&elements)
        .section(&code);
    module.finish()
}

/// Both operands numbers? Leaves an i32 on the stack.
fn both_numbers(f: &mut WFunction) {
    f.instruction(&I::LocalGet(0)).instruction(&I::I64Const(FIRST_TAG as i64)).instruction(&I::I64LtU);
    f.instruction(&I::LocalGet(1)).instruction(&I::I64Const(FIRST_TAG as i64)).instruction(&I::I64LtU);
    f.instruction(&I::I32And);
}

fn helper_truthy() -> WFunction {
    let mut f = WFunction::new([]);
    for (v, r) in [(TRUE, 1), (FALSE, 0), (UNDEFINED, 0), (NULL, 0)] {
        f.instruction(&I::LocalGet(0)).instruction(&I::I64Const(v)).instruction(&I::I64Eq);
        f.instruction(&I::If(BlockType::Empty))
            .instruction(&I::I32Const(r))
            .instruction(&I::Return)
            .instruction(&I::End);
    }
    // A number: true unless 0, -0 or NaN.
    f.instruction(&I::LocalGet(0)).instruction(&I::I64Const(FIRST_TAG as i64)).instruction(&I::I64LtU);
    f.instruction(&I::If(BlockType::Empty));
    f.instruction(&I::LocalGet(0))
        .instruction(&I::F64ReinterpretI64)
        .instruction(&I::F64Const(0.0.into()))
        .instruction(&I::F64Ne);
    f.instruction(&I::LocalGet(0)).instruction(&I::F64ReinterpretI64);
    f.instruction(&I::LocalGet(0)).instruction(&I::F64ReinterpretI64).instruction(&I::F64Eq);
    f.instruction(&I::I32And).instruction(&I::Return).instruction(&I::End);
    f.instruction(&I::I32Const(op::TRUTHY)).instruction(&I::LocalGet(0));
    f.instruction(&I::I64Const(0)).instruction(&I::I64Const(0)).instruction(&I::Call(F_OP));
    f.instruction(&I::I64Const(TRUE)).instruction(&I::I64Eq).instruction(&I::End);
    f
}

/// `(a, b, c) -> op(op_code, a, b, c)`: a host operation of three operands
/// called from code that has them on the stack already.
fn helper_op3(op_code: i32) -> WFunction {
    let mut f = WFunction::new([]);
    f.instruction(&I::I32Const(op_code));
    for l in 0..3 {
        f.instruction(&I::LocalGet(l));
    }
    f.instruction(&I::Call(F_OP)).instruction(&I::End);
    f
}

fn helper_arith(op_code: i32, which: u32) -> WFunction {
    let mut f = WFunction::new([]);
    both_numbers(&mut f);
    f.instruction(&I::If(BlockType::Result(ValType::I64)));
    f.instruction(&I::LocalGet(0)).instruction(&I::F64ReinterpretI64);
    f.instruction(&I::LocalGet(1)).instruction(&I::F64ReinterpretI64);
    f.instruction(&match which {
        F_ADD => I::F64Add,
        F_SUB => I::F64Sub,
        F_MUL => I::F64Mul,
        _ => I::F64Div,
    });
    f.instruction(&I::I64ReinterpretF64).instruction(&I::Else);
    f.instruction(&I::I32Const(op_code))
        .instruction(&I::LocalGet(0))
        .instruction(&I::LocalGet(1))
        .instruction(&I::I64Const(0))
        .instruction(&I::Call(F_OP));
    f.instruction(&I::End).instruction(&I::End);
    f
}

fn helper_compare(op_code: i32) -> WFunction {
    let mut f = WFunction::new([]);
    both_numbers(&mut f);
    f.instruction(&I::If(BlockType::Result(ValType::I64)));
    f.instruction(&I::LocalGet(0)).instruction(&I::F64ReinterpretI64);
    f.instruction(&I::LocalGet(1)).instruction(&I::F64ReinterpretI64);
    f.instruction(&match op_code {
        op::LT => I::F64Lt,
        op::GT => I::F64Gt,
        op::LE => I::F64Le,
        _ => I::F64Ge,
    });
    f.instruction(&I::I64ExtendI32U).instruction(&I::I64Const(FALSE)).instruction(&I::I64Or).instruction(&I::Else);
    f.instruction(&I::I32Const(op_code))
        .instruction(&I::LocalGet(0))
        .instruction(&I::LocalGet(1))
        .instruction(&I::I64Const(0))
        .instruction(&I::Call(F_OP));
    f.instruction(&I::End).instruction(&I::End);
    f
}

/// `===` (strict) or `==`: numbers inline; identical non-numbers are equal;
/// for `===`, two values of which one is not a reference are unequal;
/// everything else asks the host.
fn helper_equals(op_code: i32, strict: bool) -> WFunction {
    let mut f = WFunction::new([]);
    both_numbers(&mut f);
    f.instruction(&I::If(BlockType::Empty));
    f.instruction(&I::LocalGet(0)).instruction(&I::F64ReinterpretI64);
    f.instruction(&I::LocalGet(1)).instruction(&I::F64ReinterpretI64);
    f.instruction(&I::F64Eq).instruction(&I::I64ExtendI32U).instruction(&I::I64Const(FALSE)).instruction(&I::I64Or);
    f.instruction(&I::Return).instruction(&I::End);
    f.instruction(&I::LocalGet(0)).instruction(&I::LocalGet(1)).instruction(&I::I64Eq);
    f.instruction(&I::If(BlockType::Empty))
        .instruction(&I::I64Const(TRUE))
        .instruction(&I::Return)
        .instruction(&I::End);
    if strict {
        let tag_mask = !((1i64 << 48) - 1);
        for local in [0, 1] {
            f.instruction(&I::LocalGet(local)).instruction(&I::I64Const(tag_mask)).instruction(&I::I64And);
            f.instruction(&I::I64Const(REF)).instruction(&I::I64Ne);
            f.instruction(&I::If(BlockType::Empty))
                .instruction(&I::I64Const(FALSE))
                .instruction(&I::Return)
                .instruction(&I::End);
        }
    }
    f.instruction(&I::I32Const(op_code))
        .instruction(&I::LocalGet(0))
        .instruction(&I::LocalGet(1))
        .instruction(&I::I64Const(0))
        .instruction(&I::Call(F_OP));
    f.instruction(&I::End);
    f
}

#[derive(Default)]
struct ModuleState {
    strings: Vec<Arc<str>>,
    string_ids: HashMap<String, u32>,
    regexes: crate::regexp::RegexCache,
    analysis: Analysis,
    /// Functions of the globals script → wasm function index.
    global_funcs: HashMap<String, u32>,
    /// Global variable → wasm global index (0 is the location global).
    global_vars: HashMap<String, u32>,
    /// Bodies of the JavaScript functions (and the init code), by
    /// `index - FIRST_USER_FUNC`; reserved before they are compiled.
    bodies: Vec<Option<WFunction>>,
    /// Each JavaScript function's `name` and `length` (declared
    /// parameters), by the same index as `bodies`.
    fn_info: Vec<(Arc<str>, u32)>,
    /// Each function's direct entry (`direct_arity`), by the same index;
    /// decided when the index is reserved, as calls of it may be compiled
    /// before it is.
    direct: Vec<Option<u32>>,
    /// Function node (`scope::key`) → its function index.
    fn_index: HashMap<usize, u32>,
    /// Globals written once, by `var name = function …` at the globals
    /// script's top level → the function's index: once the init code has
    /// run, the variable holds that function, so panels call it directly.
    var_funcs: HashMap<String, u32>,
    /// Compiling panels (and the functions in them): code that runs after
    /// the globals' init code finished.
    after_init: bool,
    /// Object literal key lists (`Output::shapes`), and each one's index.
    shapes: Vec<Arc<[Arc<str>]>>,
    shape_ids: HashMap<Vec<u32>, u32>,
    /// Read paths (`Output::paths`), and each one's index.
    paths: Vec<Arc<[PathKey]>>,
    path_ids: HashMap<Vec<PathKey>, u32>,
    /// Nests of literals (`Output::trees`).
    trees: Vec<Tree>,
    /// The name an anonymous function expression gets from the binding it
    /// is assigned to (ES2015 §12.14.4 NamedEvaluation: node does it).
    name_hint: Option<String>,
    diags: Vec<ScriptDiagnostic>,
    script: usize,
}

impl ModuleState {
    /// The index of the key list `ids` (string ids), registered on first
    /// use; the keys are the string table's own, so reads with constant
    /// names find them by pointer.
    fn shape(&mut self, ids: Vec<u32>) -> u32 {
        if let Some(&i) = self.shape_ids.get(&ids) {
            return i;
        }
        let keys: Arc<[Arc<str>]> =
            ids.iter().filter_map(|&i| self.strings.get(i as usize).cloned()).collect::<Vec<_>>().into();
        let i = self.shapes.len() as u32;
        self.shapes.push(keys);
        self.shape_ids.insert(ids, i);
        i
    }

    /// The index of read path `keys`, registered on first use.
    fn path(&mut self, keys: Vec<PathKey>) -> u32 {
        if let Some(&i) = self.path_ids.get(&keys) {
            return i;
        }
        let i = self.paths.len() as u32;
        self.paths.push(keys.clone().into());
        self.path_ids.insert(keys, i);
        i
    }

    fn string(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.string_ids.get(s) {
            return i;
        }
        let i = self.strings.len() as u32;
        self.strings.push(Arc::from(s));
        self.string_ids.insert(s.to_string(), i);
        i
    }

    fn global_var(&mut self, name: &str) {
        let n = self.global_vars.len() as u32 + 1;
        self.global_vars.entry(name.to_string()).or_insert(n);
    }

    /// A function index whose body comes later.
    fn reserve(&mut self) -> u32 {
        self.bodies.push(None);
        self.fn_info.push((Arc::from(""), 0));
        self.direct.push(None);
        FIRST_USER_FUNC + self.bodies.len() as u32 - 1
    }

    /// [`ModuleState::reserve`] for function `f`, deciding its direct entry.
    fn reserve_for(&mut self, f: FnRef<'_, '_>) -> u32 {
        let index = self.reserve();
        if let Some(d) = self.direct.last_mut() {
            *d = direct_arity(f, &self.analysis);
        }
        self.fn_index.insert(f.key(), index);
        index
    }

    /// The parameter count of function `index`'s direct entry, if it has one.
    fn direct_of(&self, index: u32) -> Option<u32> {
        self.direct.get(index.checked_sub(FIRST_USER_FUNC)? as usize).copied().flatten()
    }

    fn diag(&mut self, code: &'static str, span: Span, message: impl Into<String>, help: Option<&str>) {
        self.diags.push(ScriptDiagnostic {
            code,
            message: message.into(),
            script: self.script,
            span: (span.start, span.end),
            help: help.map(str::to_string),
        });
    }

    fn not_yet(&mut self, span: Span, what: &str) {
        self.diag("S020", span, format!("{what} is not supported by this version of cbot yet"), None);
    }

    fn outside(&mut self, span: Span, what: &str) {
        self.diag(
            "S010",
            span,
            format!("{what} is not part of the JavaScript dialect CB runs"),
            Some("CB code panels are ES5 with a few ES2015 additions (CB-SPEC §8)"),
        );
    }
}

/// A function to compile.
#[derive(Clone, Copy)]
enum FnRef<'x, 'a> {
    Function(&'x Function<'a>),
    Arrow(&'x ArrowFunctionExpression<'a>),
}

impl FnRef<'_, '_> {
    /// The node's `scope::key` (its frame in the analysis).
    fn key(self) -> usize {
        match self {
            FnRef::Function(f) => key(f),
            FnRef::Arrow(a) => key(a),
        }
    }
}

/// What code generation needs of a function's frame (from the analysis).
#[derive(Default)]
struct Layout {
    declared: HashSet<String>,
    captured: Vec<String>,
    assigned: HashSet<String>,
    needs_outer: bool,
    arrow: bool,
    /// Function declarations in the body → their function index.
    fn_decls: HashMap<String, u32>,
}

impl Layout {
    /// The globals script's top level: declares nothing (its names are
    /// wasm globals).
    fn global() -> Rc<Layout> {
        Rc::new(Layout::default())
    }

    /// The layout of the frame `k`; reserves indices for the function
    /// declarations in `body`.
    fn of(m: &mut ModuleState, k: usize, body: &[Statement<'_>]) -> Rc<Layout> {
        let frame = &m.analysis.frames[&k];
        let mut layout = Layout {
            declared: frame.declared().clone(),
            captured: frame.captured.clone(),
            assigned: frame.assigned.clone(),
            needs_outer: frame.needs_outer,
            arrow: frame.kind == FrameKind::Arrow,
            fn_decls: HashMap::new(),
        };
        let mut decls: HashMap<String, Vec<&Function<'_>>> = HashMap::new();
        for stmt in body {
            walk_statement(stmt, &mut |s| {
                if let Statement::FunctionDeclaration(f) = s
                    && let Some(id) = &f.id
                {
                    decls.entry(id.name.to_string()).or_default().push(f);
                }
            });
        }
        let mut names: Vec<(String, Vec<&Function<'_>>)> = decls.into_iter().collect();
        names.sort_by(|a, b| a.0.cmp(&b.0));
        for (n, fs) in names {
            // Declarations of one name share its index (the last one wins,
            // ES5 §10.5): a direct entry only when there is one.
            let index = match fs[..] {
                [f] => m.reserve_for(FnRef::Function(f)),
                _ => m.reserve(),
            };
            layout.fn_decls.insert(n, index);
        }
        Rc::new(layout)
    }

    fn slot(&self, name: &str) -> Option<u32> {
        self.captured.iter().position(|c| c == name).map(|i| i as u32 + 1)
    }

    fn has_env(&self) -> bool {
        !self.captured.is_empty()
    }
}

/// Compiles a function into the reserved `index`. `outer` are the
/// enclosing functions' layouts, innermost last.
fn compile_function(m: &mut ModuleState, f: FnRef<'_, '_>, outer: &[Rc<Layout>], index: u32) {
    let (params, body, expr, own_name, k) = match f {
        FnRef::Function(f) => {
            if f.generator || f.r#async {
                m.outside(f.span, if f.generator { "a generator function" } else { "an async function" });
            }
            let own = (f.r#type == FunctionType::FunctionExpression).then_some(f.id.as_ref()).flatten();
            let body = f.body.as_ref().map_or(&[][..], |b| &b.statements[..]);
            (&*f.params, body, None, own.map(|id| id.name.as_str()), key(f))
        }
        FnRef::Arrow(a) => {
            if a.r#async {
                m.outside(a.span, "an async function");
            }
            match &a.body {
                ArrowFunctionBody::FunctionBody(b) => (&*a.params, &b.statements[..], None, None, key(a)),
                other => (&*a.params, &[][..], other.as_expression(), None, key(a)),
            }
        }
    };
    let hint = m.name_hint.take();
    let name = match f {
        FnRef::Function(f) => f.id.as_ref().map(|id| id.name.as_str().to_string()),
        FnRef::Arrow(_) => None,
    };
    // `length` counts the parameters before the first default (ES2015
    // §14.1.13); a rest parameter does not count.
    let length = params.items.iter().take_while(|p| p.initializer.is_none()).count();
    m.fn_info[(index - FIRST_USER_FUNC) as usize] = (Arc::from(name.or(hint).unwrap_or_default()), length as u32);
    let layout = Layout::of(m, k, body);
    let direct = m.direct_of(index).filter(|_| direct_arity(f, &m.analysis).is_some());
    let mut g = FnGen::new(m, FnKind::Function, layout, outer.to_vec());
    if let Some(n) = direct {
        g.n_params = 2 + n;
        g.n_locals = g.n_params;
        g.direct = true;
    }
    // A destructuring parameter takes its argument under a hidden name
    // (scope.rs `pattern_param`), taken apart below.
    let hidden: Vec<String> = (0..params.items.len()).map(crate::scope::pattern_param).collect();
    let names: Vec<(&str, Span)> = params
        .items
        .iter()
        .zip(&hidden)
        .map(|(p, hidden)| match &p.pattern {
            BindingPattern::BindingIdentifier(id) => (id.name.as_str(), id.span),
            _ => (hidden.as_str(), Span::default()),
        })
        .collect();
    let rest = params.rest.as_ref().map(|r| &r.rest.argument);
    let rest_hidden = crate::scope::pattern_param(params.items.len());
    let rest_name = match rest {
        Some(BindingPattern::BindingIdentifier(id)) => Some((id.name.as_str(), id.span)),
        Some(_) => Some((rest_hidden.as_str(), Span::default())),
        None => None,
    };
    let mut all_names: Vec<&str> = names.iter().map(|n| n.0).collect();
    all_names.extend(rest_name.map(|r| r.0));
    g.prologue(&all_names, body, own_name);
    // ES2015 §9.2.12: parameters bind in order, each one's default (when its
    // argument is `undefined`) and destructuring before the next one's (a
    // default may read the parameters before it).
    for (p, &(name, span)) in params.items.iter().zip(&names) {
        if let Some(init) = &p.initializer {
            g.read_name(name, span);
            g.emit(I::I64Const(UNDEFINED));
            g.emit(I::I64Eq);
            g.emit(I::If(BlockType::Empty));
            g.depth += 1;
            g.named_expr(init, name);
            g.assign_name(name, span);
            g.emit(I::Drop);
            g.depth -= 1;
            g.emit(I::End);
        }
        if !matches!(p.pattern, BindingPattern::BindingIdentifier(_)) {
            g.destructure_name(name, &p.pattern);
        }
    }
    // `...rest`: the arguments after the named ones, as an array.
    if let (Some((name, span)), Some(pattern)) = (rest_name, rest) {
        g.emit(I::LocalGet(2));
        g.string("slice");
        g.emit(I::I64Const(value::number(names.len() as f64)));
        g.small_array(1);
        g.op3(op::CALL_METHOD);
        g.assign_name(name, span);
        g.emit(I::Drop);
        if !matches!(pattern, BindingPattern::BindingIdentifier(_)) {
            g.destructure_name(name, pattern);
        }
    }
    g.statements(body);
    match expr {
        Some(e) => g.expr(e),
        None => g.emit(I::I64Const(UNDEFINED)),
    }
    let func = g.finish();
    m.bodies[(index - FIRST_USER_FUNC) as usize] = Some(func);
}

#[derive(PartialEq, Eq, Clone, Copy)]
enum FnKind {
    Function,
    Panel,
    Init,
}

struct Jump {
    label: Option<String>,
    /// Nesting depth of the block a `break` leaves (counted with the block
    /// open), so the branch is `br (depth - break_depth)`.
    break_depth: u32,
    /// The same for the block a `continue` leaves (loops only).
    continue_depth: Option<u32>,
    /// How many `finally` blocks enclosed the statement.
    finally_level: usize,
}

/// Where an exception inside a `try` goes.
#[derive(Clone, Copy)]
struct Handler {
    /// Depth of the block to leave.
    depth: u32,
    /// For a `finally`: the local recording why it runs.
    kind: Option<u32>,
}

/// Why a `finally` block runs (the value of its kind local).
const COMPLETION_NORMAL: i64 = 0;
const COMPLETION_THROW: i64 = 1;
const COMPLETION_RETURN: i64 = 2;

/// Where one value of a destructuring assignment goes (`FnGen::target_ref`).
enum TargetRef<'t, 'a> {
    Name(&'t str, Span),
    /// A property: locals holding the object and the key.
    Member(u32, u32),
    Pattern(&'t AssignmentTarget<'a>),
    /// Reported as not supported.
    None,
}

/// A property an object pattern names before its rest element
/// (`FnGen::object_rest`): a literal key, a shorthand name, or the local
/// holding a computed key's value.
enum Named<'k, 'a> {
    Key(&'k PropertyKey<'a>),
    Name(&'k str),
    Local(Option<u32>),
}

/// Where a variable lives.
#[derive(Clone, Copy)]
enum Place {
    Local(u32),
    /// In the environment `hops` links up from this function's, at `slot`.
    Env(u32, u32),
    This,
    Arguments,
    Global,
}

struct FnGen<'m> {
    m: &'m mut ModuleState,
    kind: FnKind,
    /// The wasm parameters: none for a panel, `(closure, this, args)`, or
    /// `(closure, this, p0, …)` for a direct entry (`direct`).
    n_params: u32,
    /// Whether this is a function's direct entry (`direct_arity`): its
    /// parameters are wasm locals 2…, there is no arguments array.
    direct: bool,
    layout: Rc<Layout>,
    outer: Vec<Rc<Layout>>,
    /// The local holding this function's environment (its own, or the one
    /// its closure carries).
    env: Option<u32>,
    /// The local holding a return value while `finally` blocks run.
    ret: Option<u32>,
    locals: HashMap<String, u32>,
    n_locals: u32,
    tmp: Vec<u32>,
    code: Vec<I<'static>>,
    depth: u32,
    jumps: Vec<Jump>,
    /// The enclosing `catch` and `finally` blocks: an exception inside
    /// `try` branches there instead of returning.
    handlers: Vec<Handler>,
    /// The enclosing `finally` blocks (depth, kind local): `return` runs them.
    finallys: Vec<(u32, u32)>,
}

impl<'m> FnGen<'m> {
    fn new(m: &'m mut ModuleState, kind: FnKind, layout: Rc<Layout>, outer: Vec<Rc<Layout>>) -> Self {
        // Functions and the init code take (closure, this, args); panels
        // take nothing.
        let n_params = if kind == FnKind::Panel { 0 } else { 3 };
        FnGen {
            m,
            kind,
            n_params,
            direct: false,
            layout,
            outer,
            env: None,
            ret: None,
            locals: HashMap::new(),
            n_locals: n_params,
            tmp: Vec::new(),
            code: Vec::new(),
            depth: 0,
            jumps: Vec::new(),
            handlers: Vec::new(),
            finallys: Vec::new(),
        }
    }

    fn emit(&mut self, i: I<'static>) {
        self.code.push(i);
    }

    /// Reports an expression cbot does not compile yet; `undefined` stands
    /// in for its value so code generation can go on and find more.
    fn not_yet_value(&mut self, span: Span, what: &str) {
        self.m.not_yet(span, what);
        self.emit(I::I64Const(UNDEFINED));
    }

    /// The same for an expression outside CB's dialect.
    fn outside_value(&mut self, span: Span, what: &str) {
        self.m.outside(span, what);
        self.emit(I::I64Const(UNDEFINED));
    }

    fn new_local(&mut self) -> u32 {
        let l = self.n_locals;
        self.n_locals += 1;
        l
    }

    fn take_tmp(&mut self) -> u32 {
        self.tmp.pop().unwrap_or_else(|| self.new_local())
    }

    fn give_tmp(&mut self, l: u32) {
        self.tmp.push(l);
    }

    /// Function entry (ES5 §10.5): the environment, variables (undefined),
    /// parameters, captured `this`/`arguments`, the function's own name,
    /// then the nested function declarations (which win over parameters).
    fn prologue(&mut self, params: &[&str], body: &[Statement<'_>], own_name: Option<&str>) {
        let layout = self.layout.clone();
        if layout.has_env() {
            let env = self.new_local();
            if self.kind == FnKind::Panel {
                self.emit(I::I64Const(UNDEFINED));
            } else {
                self.emit(I::LocalGet(0));
            }
            self.emit(I::I64Const(layout.captured.len() as i64));
            self.op2(op::ENV_NEW);
            self.emit(I::LocalSet(env));
            self.env = Some(env);
        } else if layout.needs_outer && self.kind == FnKind::Function {
            let env = self.new_local();
            self.emit(I::LocalGet(0));
            self.op1(op::CLOSURE_ENV);
            self.emit(I::LocalSet(env));
            self.env = Some(env);
        }
        // A direct entry's parameters are its wasm parameters already
        // (unless a closure captures them: those move to the environment).
        if self.direct {
            for (i, p) in params.iter().enumerate() {
                if layout.slot(p).is_none() {
                    self.locals.insert(p.to_string(), 2 + i as u32);
                }
            }
        }
        // Parameters first, then every other name of the function (sorted,
        // so the generated code does not depend on hash order).
        let mut names: Vec<String> = params.iter().map(|p| p.to_string()).collect();
        let mut others: Vec<&String> =
            layout.declared.iter().filter(|n| !matches!(n.as_str(), "this" | "arguments")).collect();
        others.sort();
        names.extend(others.into_iter().cloned());
        for name in names {
            if self.locals.contains_key(&name) || layout.slot(&name).is_some() {
                continue;
            }
            let l = self.new_local();
            self.locals.insert(name, l);
            self.emit(I::I64Const(UNDEFINED));
            self.emit(I::LocalSet(l));
        }
        for (i, p) in params.iter().enumerate() {
            if self.direct {
                if layout.slot(p).is_none() {
                    continue;
                }
                self.emit(I::LocalGet(2 + i as u32));
            } else {
                self.emit(I::LocalGet(2));
                self.emit(I::I64Const(value::number(i as f64)));
                self.op2(op::GET);
            }
            self.assign_name(p, Span::default());
            self.emit(I::Drop);
        }
        for (name, local) in [("this", 1), ("arguments", 2)] {
            if let Some(slot) = layout.slot(name) {
                match self.kind {
                    FnKind::Function => self.emit(I::LocalGet(local)),
                    _ => self.emit(I::I64Const(UNDEFINED)),
                }
                self.env_set(0, slot);
                self.emit(I::Drop);
            }
        }
        if let Some(name) = own_name
            && !params.contains(&name)
            && !layout.fn_decls.contains_key(name)
        {
            let mut is_var = false;
            hoisted_vars(body, false, &mut |n| is_var |= n == name);
            if !is_var {
                self.emit(I::LocalGet(0));
                self.assign_name(name, Span::default());
                self.emit(I::Drop);
            }
        }
        let mut decls = Vec::new();
        for stmt in body {
            walk_statement(stmt, &mut |s| {
                if let Statement::FunctionDeclaration(f) = s {
                    decls.push(&**f);
                }
            });
        }
        for f in decls {
            let Some(id) = &f.id else { continue };
            let index = layout.fn_decls[id.name.as_str()];
            self.closure(FnRef::Function(f), index);
            self.assign_name(id.name.as_str(), id.span);
            self.emit(I::Drop);
        }
    }

    /// Compiles `f` into `index` and leaves a function object for it.
    fn closure(&mut self, f: FnRef<'_, '_>, index: u32) {
        let mut outer = self.outer.clone();
        if self.kind != FnKind::Init {
            outer.push(self.layout.clone());
        }
        compile_function(self.m, f, &outer, index);
        let needs_outer = match f {
            FnRef::Function(f) => self.m.analysis.frames.get(&key(f)),
            FnRef::Arrow(a) => self.m.analysis.frames.get(&key(a)),
        }
        .is_some_and(|fr| fr.needs_outer);
        self.make_closure(index, needs_outer);
    }

    /// A new function object for function `index`, closing over this
    /// function's environment when it needs one.
    fn make_closure(&mut self, index: u32, with_env: bool) {
        self.emit(I::I64Const(i64::from(slot_of(index))));
        match (with_env, self.env) {
            (true, Some(env)) => self.emit(I::LocalGet(env)),
            _ => self.emit(I::I64Const(UNDEFINED)),
        }
        self.op2(op::MAKE_CLOSURE);
    }

    fn finish(self) -> WFunction {
        let mut f = WFunction::new([(self.n_locals - self.n_params, ValType::I64)]);
        for i in &self.code {
            f.instruction(i);
        }
        f.instruction(&I::End);
        f
    }

    /// After a call that may throw: pass the sentinel up.
    fn check(&mut self) {
        let t = self.take_tmp();
        self.emit(I::LocalTee(t));
        self.emit(I::I64Const(EXCEPTION));
        self.emit(I::I64Eq);
        self.emit(I::If(BlockType::Empty));
        match self.handlers.last().copied() {
            // Leave the `if` and every block up to the handler's.
            Some(h) => {
                if let Some(kind) = h.kind {
                    self.emit(I::I64Const(COMPLETION_THROW));
                    self.emit(I::LocalSet(kind));
                }
                self.emit(I::Br(self.depth + 1 - h.depth));
            }
            None => {
                self.emit(I::I64Const(EXCEPTION));
                self.emit(I::Return);
            }
        }
        self.emit(I::End);
        self.emit(I::LocalGet(t));
        self.give_tmp(t);
    }

    fn ret_local(&mut self) -> u32 {
        match self.ret {
            Some(l) => l,
            None => {
                let l = self.new_local();
                self.ret = Some(l);
                l
            }
        }
    }

    /// Returns the value on the stack, through the enclosing `finally`
    /// blocks if any.
    fn return_value(&mut self) {
        match self.finallys.last().copied() {
            Some((depth, kind)) => {
                let ret = self.ret_local();
                self.emit(I::LocalSet(ret));
                self.emit(I::I64Const(COMPLETION_RETURN));
                self.emit(I::LocalSet(kind));
                self.emit(I::Br(self.depth - depth));
            }
            None => self.emit(I::Return),
        }
    }

    fn loc(&mut self, span: Span) {
        let loc = ((self.m.script as u32) << 22) | span.start.min((1 << 22) - 1);
        self.emit(I::I32Const(loc as i32));
        self.emit(I::GlobalSet(G_LOC));
    }

    fn string(&mut self, s: &str) {
        let id = self.m.string(s);
        self.emit(I::I64Const(string_ref(id)));
    }

    /// An array of the `n` (1–3) values on the stack, in one operation.
    fn small_array(&mut self, n: usize) {
        match n {
            1 => self.op1(op::ARRAY1),
            2 => self.op2(op::ARRAY2),
            _ => self.op3(op::ARRAY3),
        }
    }

    fn op1(&mut self, code: i32) {
        self.host_op(code, 1);
    }

    fn op2(&mut self, code: i32) {
        self.host_op(code, 2);
    }

    fn op3(&mut self, code: i32) {
        self.host_op(code, 3);
    }

    /// Calls host operation `code` on the `arity` operands already on the
    /// stack: they are parked in scratch locals so the opcode can go under
    /// them, then the result is checked for an exception.
    fn host_op(&mut self, code: i32, arity: u32) {
        let parked: Vec<u32> = (0..arity).map(|_| self.take_tmp()).collect();
        for &t in parked.iter().rev() {
            self.emit(I::LocalSet(t));
        }
        self.emit(I::I32Const(code));
        for &t in &parked {
            self.emit(I::LocalGet(t));
        }
        for &t in parked.iter().rev() {
            self.give_tmp(t);
        }
        for _ in arity..3 {
            self.emit(I::I64Const(0));
        }
        self.emit(I::Call(F_OP));
        self.check();
    }

    fn truthy(&mut self) {
        self.emit(I::Call(F_TRUTHY));
    }

    /// Evaluates `e` and leaves whether it is truthy (an i32).
    fn test(&mut self, e: &Expression<'_>) {
        if let Expression::BinaryExpression(b) = e.without_parentheses()
            && let Some((helper, inline)) = match b.operator {
                BinaryOperator::LessThan => Some((F_LT, I::F64Lt)),
                BinaryOperator::GreaterThan => Some((F_GT, I::F64Gt)),
                BinaryOperator::LessEqualThan => Some((F_LE, I::F64Le)),
                BinaryOperator::GreaterEqualThan => Some((F_GE, I::F64Ge)),
                _ => None,
            }
        {
            // `i < n`: two numbers compare inline (NaN compares false, as
            // in JavaScript); anything else goes through the helper, which
            // converts (both operands are evaluated first either way).
            self.expr(&b.left);
            let l = self.take_tmp();
            self.emit(I::LocalSet(l));
            self.expr(&b.right);
            let r = self.take_tmp();
            self.emit(I::LocalSet(r));
            for t in [l, r] {
                self.emit(I::LocalGet(t));
                self.emit(I::I64Const(FIRST_TAG as i64));
                self.emit(I::I64LtU);
            }
            self.emit(I::I32And);
            self.emit(I::If(BlockType::Result(ValType::I32)));
            self.depth += 1;
            for t in [l, r] {
                self.emit(I::LocalGet(t));
                self.emit(I::F64ReinterpretI64);
            }
            self.emit(inline);
            self.emit(I::Else);
            self.emit(I::LocalGet(l));
            self.emit(I::LocalGet(r));
            self.emit(I::Call(helper));
            self.check();
            self.emit(I::I64Const(TRUE));
            self.emit(I::I64Eq);
            self.emit(I::End);
            self.depth -= 1;
            self.give_tmp(r);
            self.give_tmp(l);
            return;
        }
        self.expr(e);
        self.truthiness_of(e);
    }

    /// With the value of `e` on the stack: whether it is truthy. A value
    /// that is always `true` or `false` needs one comparison, not a call
    /// of the truthy helper (loop and `if` conditions, mostly).
    fn truthiness_of(&mut self, e: &Expression<'_>) {
        if always_boolean(e) {
            self.emit(I::I64Const(TRUE));
            self.emit(I::I64Eq);
        } else {
            self.truthy();
        }
    }

    // ---- statements ----

    fn statements(&mut self, stmts: &[Statement<'_>]) {
        for s in stmts {
            self.statement(s);
        }
    }

    fn statement(&mut self, stmt: &Statement<'_>) {
        if !matches!(
            stmt,
            Statement::BlockStatement(_) | Statement::FunctionDeclaration(_) | Statement::EmptyStatement(_)
        ) {
            self.loc(stmt.span());
        }
        match stmt {
            Statement::ExpressionStatement(s) => {
                self.expr(&s.expression);
                self.emit(I::Drop);
            }
            Statement::VariableDeclaration(d) => self.var_decl(d),
            Statement::FunctionDeclaration(_) | Statement::EmptyStatement(_) => {}
            Statement::BlockStatement(b) => self.statements(&b.body),
            Statement::ReturnStatement(r) => {
                match &r.argument {
                    Some(e) => self.expr(e),
                    None => self.emit(I::I64Const(UNDEFINED)),
                }
                self.return_value();
            }
            Statement::IfStatement(s) => {
                self.test(&s.test);
                self.emit(I::If(BlockType::Empty));
                self.depth += 1;
                self.statement(&s.consequent);
                if let Some(alt) = &s.alternate {
                    self.emit(I::Else);
                    self.statement(alt);
                }
                self.depth -= 1;
                self.emit(I::End);
            }
            Statement::WhileStatement(s) => self.loop_(None, Some(&s.test), None, &s.body, false),
            Statement::DoWhileStatement(s) => self.loop_(None, Some(&s.test), None, &s.body, true),
            Statement::ForStatement(s) => {
                self.for_init(s.init.as_ref());
                self.loop_(None, s.test.as_ref(), s.update.as_ref(), &s.body, false);
            }
            Statement::BreakStatement(b) => {
                let label = b.label.as_ref().map(|l| l.name.to_string());
                match self.jumps.iter().rev().find(|j| label.is_none() || j.label == label) {
                    Some(j) if j.finally_level < self.finallys.len() => {
                        self.m.not_yet(b.span, "`break` out of a `try … finally`")
                    }
                    Some(j) => {
                        let rel = self.depth - j.break_depth;
                        self.emit(I::Br(rel));
                    }
                    None => self.m.diag("S001", b.span, "`break` outside a loop or switch", None),
                }
            }
            Statement::ContinueStatement(c) => {
                let label = c.label.as_ref().map(|l| l.name.to_string());
                match self
                    .jumps
                    .iter()
                    .rev()
                    .find_map(|j| Some((j, j.continue_depth?)).filter(|_| label.is_none() || j.label == label))
                {
                    Some((j, _)) if j.finally_level < self.finallys.len() => {
                        self.m.not_yet(c.span, "`continue` out of a `try … finally`")
                    }
                    Some((_, continue_depth)) => {
                        let rel = self.depth - continue_depth;
                        self.emit(I::Br(rel));
                    }
                    None => self.m.diag("S001", c.span, "`continue` outside a loop", None),
                }
            }
            Statement::SwitchStatement(s) => self.switch(s),
            Statement::LabeledStatement(s) => {
                let label = Some(s.label.name.to_string());
                match &s.body {
                    Statement::WhileStatement(w) => self.loop_(label, Some(&w.test), None, &w.body, false),
                    Statement::DoWhileStatement(w) => self.loop_(label, Some(&w.test), None, &w.body, true),
                    Statement::ForStatement(f) => {
                        self.for_init(f.init.as_ref());
                        self.loop_(label, f.test.as_ref(), f.update.as_ref(), &f.body, false);
                    }
                    other => {
                        self.emit(I::Block(BlockType::Empty));
                        self.depth += 1;
                        self.jumps.push(Jump {
                            label,
                            break_depth: self.depth,
                            continue_depth: None,
                            finally_level: self.finallys.len(),
                        });
                        self.statement(other);
                        self.jumps.pop();
                        self.depth -= 1;
                        self.emit(I::End);
                    }
                }
            }
            Statement::ThrowStatement(s) => {
                self.expr(&s.argument);
                self.op1(op::THROW);
                self.emit(I::Drop);
            }
            Statement::TryStatement(s) => self.try_(s),
            Statement::ForInStatement(s) => self.for_in(s),
            Statement::ForOfStatement(s) => self.m.outside(s.span, "`for … of`"),
            Statement::WithStatement(s) => self.m.outside(s.span, "`with`"),
            Statement::ClassDeclaration(c) => self.m.outside(c.span, "a class"),
            Statement::DebuggerStatement(_) => {}
            other => self.m.outside(other.span(), "this statement"),
        }
    }

    /// `try { B } catch (e) { C }` as
    /// `block $end { block $catch { B; br $end } e = caught; C }`; with
    /// `finally { F }`, all of that goes in `block $fin { … }`, which every
    /// way out of B and C (normal end, exception, `return`) leaves with the
    /// reason in a kind local; after F the reason is carried on.
    fn try_(&mut self, s: &TryStatement<'_>) {
        let fin = s.finalizer.as_ref().map(|_| {
            let kind = self.new_local();
            self.emit(I::I64Const(COMPLETION_NORMAL));
            self.emit(I::LocalSet(kind));
            self.emit(I::Block(BlockType::Empty));
            self.depth += 1;
            self.handlers.push(Handler { depth: self.depth, kind: Some(kind) });
            self.finallys.push((self.depth, kind));
            kind
        });
        match &s.handler {
            Some(handler) => self.try_catch(&s.block.body, handler),
            None => self.statements(&s.block.body),
        }
        let (Some(kind), Some(finalizer)) = (fin, &s.finalizer) else { return };
        self.handlers.pop();
        self.finallys.pop();
        self.depth -= 1;
        self.emit(I::End);
        // Keep a pending exception as a value while F runs (F may throw and
        // catch its own).
        let exc = self.new_local();
        let when = |g: &mut Self, completion: i64, body: &mut dyn FnMut(&mut Self)| {
            g.emit(I::LocalGet(kind));
            g.emit(I::I64Const(completion));
            g.emit(I::I64Eq);
            g.emit(I::If(BlockType::Empty));
            g.depth += 1;
            body(g);
            g.depth -= 1;
            g.emit(I::End);
        };
        when(self, COMPLETION_THROW, &mut |g| {
            g.emit(I::I64Const(0));
            g.op1(op::CATCH);
            g.emit(I::LocalSet(exc));
        });
        self.statements(&finalizer.body);
        when(self, COMPLETION_THROW, &mut |g| {
            g.emit(I::LocalGet(exc));
            g.op1(op::THROW);
            g.emit(I::Drop);
        });
        when(self, COMPLETION_RETURN, &mut |g| {
            let ret = g.ret_local();
            g.emit(I::LocalGet(ret));
            g.return_value();
        });
    }

    fn try_catch(&mut self, block: &[Statement<'_>], handler: &CatchClause<'_>) {
        self.emit(I::Block(BlockType::Empty));
        self.depth += 1;
        let end = self.depth;
        self.emit(I::Block(BlockType::Empty));
        self.depth += 1;
        self.handlers.push(Handler { depth: self.depth, kind: None });
        self.statements(block);
        self.handlers.pop();
        self.emit(I::Br(self.depth - end));
        self.depth -= 1;
        self.emit(I::End);
        // Here only after an exception: take the thrown value.
        self.emit(I::I64Const(0));
        self.op1(op::CATCH);
        match handler.param.as_ref().map(|p| &p.pattern) {
            Some(BindingPattern::BindingIdentifier(id)) => {
                self.assign_name(id.name.as_str(), id.span);
                self.emit(I::Drop);
            }
            Some(other) => {
                let src = self.new_local();
                self.emit(I::LocalSet(src));
                self.bind_pattern(other, src);
            }
            None => self.emit(I::Drop),
        }
        self.statements(&handler.body.body);
        self.depth -= 1;
        self.emit(I::End);
    }

    /// `for (k in o)`: over the keys the host lists (own enumerable keys in
    /// order; array and string indices as strings).
    fn for_in(&mut self, s: &ForInStatement<'_>) {
        // What each key is stored into: a declared name or pattern
        // (`for (var [a, b] in o)` destructures the key string), or any
        // assignment target (`for (k in o)`, `for (o.k in x)`, `for ([a] in x)`).
        enum Bind<'x, 'a> {
            Pattern(&'x BindingPattern<'a>),
            Target(&'x AssignmentTarget<'a>),
        }
        let bind = match &s.left {
            ForStatementLeft::VariableDeclaration(d) => match d.declarations.first().map(|v| &v.id) {
                Some(p) => Bind::Pattern(p),
                None => {
                    self.m.not_yet(d.span, "this `for … in` binding");
                    return;
                }
            },
            other => match other.as_assignment_target() {
                Some(t) => Bind::Target(t),
                None => {
                    self.m.not_yet(other.span(), "this `for … in` target");
                    return;
                }
            },
        };
        let (keys, n, i) = (self.new_local(), self.new_local(), self.new_local());
        let (object, key) = (self.new_local(), self.new_local());
        self.expr(&s.right);
        self.emit(I::LocalTee(object));
        self.op1(op::KEYS);
        self.emit(I::LocalTee(keys));
        self.string("length");
        self.op2(op::GET);
        self.emit(I::LocalSet(n));
        self.emit(I::I64Const(value::number(0.0)));
        self.emit(I::LocalSet(i));
        self.emit(I::Block(BlockType::Empty));
        self.depth += 1;
        let break_depth = self.depth;
        self.emit(I::Loop(BlockType::Empty));
        self.depth += 1;
        self.emit(I::LocalGet(i));
        self.emit(I::LocalGet(n));
        self.emit(I::Call(F_LT));
        self.emit(I::I64Const(TRUE));
        self.emit(I::I64Ne);
        self.emit(I::BrIf(self.depth - break_depth));
        self.emit(I::Block(BlockType::Empty));
        self.depth += 1;
        self.emit(I::LocalGet(keys));
        self.emit(I::LocalGet(i));
        self.op2(op::GET);
        self.emit(I::LocalSet(key));
        // ES5 §12.6.4: a property deleted before it is visited is not
        // visited.
        self.emit(I::LocalGet(object));
        self.emit(I::LocalGet(key));
        self.op2(op::HAS_KEY);
        self.emit(I::I64Const(TRUE));
        self.emit(I::I64Ne);
        self.emit(I::BrIf(0));
        match bind {
            Bind::Pattern(p) => self.bind_pattern(p, key),
            Bind::Target(t) => self.destructure_into(t, key),
        }
        self.jumps.push(Jump {
            label: None,
            break_depth,
            continue_depth: Some(self.depth),
            finally_level: self.finallys.len(),
        });
        self.statement(&s.body);
        self.jumps.pop();
        self.depth -= 1;
        self.emit(I::End);
        self.emit(I::LocalGet(i));
        self.emit(I::I64Const(value::number(1.0)));
        self.emit(I::Call(F_ADD));
        self.emit(I::LocalSet(i));
        self.emit(I::Br(0));
        self.depth -= 1;
        self.emit(I::End);
        self.depth -= 1;
        self.emit(I::End);
    }

    fn for_init(&mut self, init: Option<&ForStatementInit<'_>>) {
        match init {
            Some(ForStatementInit::VariableDeclaration(d)) => self.var_decl(d),
            Some(init) => {
                if let Some(e) = init.as_expression() {
                    self.expr(e);
                    self.emit(I::Drop);
                }
            }
            None => {}
        }
    }

    /// Pushes the value of a computed key (`[k]` in a literal or a pattern;
    /// it is converted as any key where it is used).
    fn computed_key(&mut self, key: &PropertyKey<'_>) {
        match key.as_expression() {
            Some(k) => self.expr(k),
            None => self.not_yet_value(key.span(), "this kind of property key"),
        }
    }

    /// Pushes a literal property key (`a`, `"a b"`, `0`) and returns it as a
    /// name; any other kind of key is reported as not supported (`None`).
    fn property_key(&mut self, key: &PropertyKey<'_>) -> Option<String> {
        match key {
            PropertyKey::StaticIdentifier(id) => {
                self.string(id.name.as_str());
                Some(id.name.to_string())
            }
            PropertyKey::StringLiteral(s) => {
                self.string(s.value.as_str());
                Some(s.value.to_string())
            }
            PropertyKey::NumericLiteral(n) => {
                self.emit(I::I64Const(value::number(n.value)));
                Some(cbot_host::number_to_string(n.value))
            }
            other => {
                self.m.not_yet(other.span(), "this kind of property key");
                None
            }
        }
    }

    /// Binds pattern `p` to the value of variable `name` (a destructuring
    /// parameter's hidden name).
    fn destructure_name(&mut self, name: &str, p: &BindingPattern<'_>) {
        self.read_name(name, Span::default());
        let src = self.new_local();
        self.emit(I::LocalSet(src));
        self.bind_pattern(p, src);
    }

    /// Binds the names of pattern `p` from the value in local `src`
    /// (ES2015 §13.3.3.5–6): properties and items are read with the
    /// ordinary operations, so `undefined`/`null` sources throw a TypeError.
    fn bind_pattern(&mut self, p: &BindingPattern<'_>, src: u32) {
        match p {
            BindingPattern::BindingIdentifier(id) => {
                self.emit(I::LocalGet(src));
                self.assign_name(id.name.as_str(), id.span);
                self.emit(I::Drop);
            }
            BindingPattern::AssignmentPattern(a) => {
                let v = self.new_local();
                self.emit(I::LocalGet(src));
                self.emit(I::LocalSet(v));
                let name = match &a.left {
                    BindingPattern::BindingIdentifier(id) => Some(id.name.as_str()),
                    _ => None,
                };
                self.default_into(v, &a.right, name);
                self.bind_pattern(&a.left, v);
            }
            BindingPattern::ObjectPattern(o) => {
                if o.rest.is_some() && o.properties.is_empty() {
                    self.require_object(src);
                }
                // Computed keys are evaluated once, in order; a rest
                // element leaves them out too.
                let mut computed = Vec::new();
                for prop in &o.properties {
                    self.emit(I::LocalGet(src));
                    if prop.computed {
                        self.computed_key(&prop.key);
                        let k = self.new_local();
                        self.emit(I::LocalTee(k));
                        computed.push(k);
                    } else if self.property_key(&prop.key).is_none() {
                        self.emit(I::Drop);
                        continue;
                    }
                    self.op2(op::GET);
                    let v = self.new_local();
                    self.emit(I::LocalSet(v));
                    self.bind_pattern(&prop.value, v);
                }
                if let Some(rest) = &o.rest {
                    let mut computed = computed.into_iter();
                    let named: Vec<Named<'_, '_>> = o
                        .properties
                        .iter()
                        .map(|p| if p.computed { Named::Local(computed.next()) } else { Named::Key(&p.key) })
                        .collect();
                    let r = self.object_rest(src, &named);
                    self.bind_pattern(&rest.argument, r);
                }
            }
            BindingPattern::ArrayPattern(a) => {
                for (i, el) in a.elements.iter().enumerate() {
                    let Some(el) = el else { continue };
                    self.emit(I::LocalGet(src));
                    self.emit(I::I64Const(value::number(i as f64)));
                    self.op2(op::GET);
                    let v = self.new_local();
                    self.emit(I::LocalSet(v));
                    self.bind_pattern(el, v);
                }
                if let Some(rest) = &a.rest {
                    // `[a, ...tail]`: the items after the named ones, as an
                    // array also when the value is a string (iterated by
                    // character): `Array.prototype.slice.call(src, n)`.
                    self.array_rest(src, a.elements.len());
                    let v = self.new_local();
                    self.emit(I::LocalSet(v));
                    self.bind_pattern(&rest.argument, v);
                }
            }
        }
    }

    /// `e`, naming it `name` if it is an anonymous function (`var f =
    /// function () {}` makes `f.name === "f"`).
    fn named_expr(&mut self, e: &Expression<'_>, name: &str) {
        let anonymous = match e.without_parentheses() {
            Expression::FunctionExpression(f) => f.id.is_none(),
            Expression::ArrowFunctionExpression(_) => true,
            _ => false,
        };
        if anonymous {
            self.m.name_hint = Some(name.to_string());
        }
        self.expr(e);
        self.m.name_hint = None;
    }

    fn var_decl(&mut self, d: &VariableDeclaration<'_>) {
        for v in &d.declarations {
            let BindingPattern::BindingIdentifier(id) = &v.id else {
                // `var {a, b} = o` / `var [x, y] = xs` (ES2015 §13.3.2.4).
                // Block-scoped names are renamed apart by the scope
                // analysis, so `let`/`const` patterns bind like `var` ones
                // (a pattern always has an initializer: the parser says so).
                if let Some(init) = &v.init {
                    self.expr(init);
                    let src = self.new_local();
                    self.emit(I::LocalSet(src));
                    self.bind_pattern(&v.id, src);
                }
                continue;
            };
            if let Some(init) = &v.init {
                self.named_expr(init, id.name.as_str());
                self.assign_name(id.name.as_str(), id.span);
                self.emit(I::Drop);
                self.note_var_func(d.kind, id.name.as_str(), init);
            } else if d.kind != VariableDeclarationKind::Var {
                // `let x;` resets x to undefined where it is declared.
                self.emit(I::I64Const(UNDEFINED));
                self.assign_name(id.name.as_str(), id.span);
                self.emit(I::Drop);
            }
        }
    }

    /// Registers `var name = function …` run unconditionally by the globals'
    /// init code (its top level, outside any block that can skip it) when
    /// nothing else assigns `name` (`ModuleState::var_funcs`).
    fn note_var_func(&mut self, kind: VariableDeclarationKind, name: &str, init: &Expression<'_>) {
        if self.kind != FnKind::Init
            || self.depth != 0
            || kind != VariableDeclarationKind::Var
            || self.m.global_funcs.contains_key(name)
            || self.m.analysis.global_writes.get(name) != Some(&1)
        {
            return;
        }
        let f = match init.without_parentheses() {
            Expression::FunctionExpression(f) => FnRef::Function(f),
            Expression::ArrowFunctionExpression(a) => FnRef::Arrow(a),
            _ => return,
        };
        if let Some(&index) = self.m.fn_index.get(&f.key()) {
            self.m.var_funcs.insert(name.to_string(), index);
        }
    }

    /// while / do-while / for, with the value-less blocks
    /// `block $break { loop $top { [test] block $continue { body } update; br $top } }`.
    fn loop_(
        &mut self,
        label: Option<String>,
        test: Option<&Expression<'_>>,
        update: Option<&Expression<'_>>,
        body: &Statement<'_>,
        test_after: bool,
    ) {
        self.emit(I::Block(BlockType::Empty));
        self.depth += 1;
        let break_depth = self.depth;
        self.emit(I::Loop(BlockType::Empty));
        self.depth += 1;
        if let (Some(t), false) = (test, test_after) {
            self.test(t);
            self.emit(I::I32Eqz);
            self.emit(I::BrIf(self.depth - break_depth));
        }
        self.emit(I::Block(BlockType::Empty));
        self.depth += 1;
        self.jumps.push(Jump {
            label,
            break_depth,
            continue_depth: Some(self.depth),
            finally_level: self.finallys.len(),
        });
        self.statement(body);
        self.jumps.pop();
        self.depth -= 1;
        self.emit(I::End);
        if let Some(u) = update {
            self.expr(u);
            self.emit(I::Drop);
        }
        match (test, test_after) {
            (Some(t), true) => {
                self.test(t);
                self.emit(I::BrIf(0));
            }
            _ => self.emit(I::Br(0)),
        }
        self.depth -= 1;
        self.emit(I::End);
        self.depth -= 1;
        self.emit(I::End);
    }

    /// `switch` with strict-equality cases and fall-through: the matching
    /// case index selects, through `br_table`, how many nested case blocks
    /// to leave.
    fn switch(&mut self, s: &SwitchStatement<'_>) {
        let n = s.cases.len() as u32;
        let disc = self.new_local();
        let which = self.new_local();
        self.expr(&s.discriminant);
        self.emit(I::LocalSet(disc));
        let default = s.cases.iter().position(|c| c.test.is_none()).map_or(n, |i| i as u32);
        // Find the case: `which` = its index (as an i64 local), else the default.
        self.emit(I::Block(BlockType::Empty));
        self.depth += 1;
        for (i, case) in s.cases.iter().enumerate() {
            if let Some(test) = &case.test {
                self.emit(I::LocalGet(disc));
                self.expr(test);
                self.emit(I::Call(F_SEQ));
                self.check();
                self.emit(I::I64Const(TRUE));
                self.emit(I::I64Eq);
                self.emit(I::If(BlockType::Empty));
                self.emit(I::I64Const(i as i64));
                self.emit(I::LocalSet(which));
                self.emit(I::Br(1));
                self.emit(I::End);
            }
        }
        self.emit(I::I64Const(i64::from(default)));
        self.emit(I::LocalSet(which));
        self.depth -= 1;
        self.emit(I::End);
        // block $exit { block_n-1 … { block_0 { br_table } case0 } case1 … }
        self.emit(I::Block(BlockType::Empty));
        self.depth += 1;
        let break_depth = self.depth;
        for _ in 0..n {
            self.emit(I::Block(BlockType::Empty));
        }
        self.emit(I::LocalGet(which));
        self.emit(I::I32WrapI64);
        let targets: Vec<u32> = (0..n).collect();
        self.emit(I::BrTable(targets.into(), n));
        self.jumps.push(Jump { label: None, break_depth, continue_depth: None, finally_level: self.finallys.len() });
        for (i, case) in s.cases.iter().enumerate() {
            self.emit(I::End);
            // Now inside the blocks that remain open around later cases.
            self.depth = break_depth + (n - 1 - i as u32);
            self.statements(&case.consequent);
        }
        self.jumps.pop();
        self.depth = break_depth - 1;
        self.emit(I::End);
    }

    // ---- names ----

    /// Where `name` lives, seen from this function.
    fn place(&self, name: &str) -> Place {
        if self.layout.declared.contains(name) {
            if let Some(slot) = self.layout.slot(name) {
                return Place::Env(0, slot);
            }
            return match name {
                "this" => Place::This,
                "arguments" if !self.layout.arrow && self.kind == FnKind::Function => Place::Arguments,
                _ => self.locals.get(name).map_or(Place::Global, |&l| Place::Local(l)),
            };
        }
        let mut hops = u32::from(self.layout.has_env());
        for layout in self.outer.iter().rev() {
            if layout.declared.contains(name) {
                // The analysis captured every variable a nested function uses.
                return layout.slot(name).map_or(Place::Global, |slot| Place::Env(hops, slot));
            }
            hops += u32::from(layout.has_env());
        }
        Place::Global
    }

    /// The function declaration `name` names, when a call of it can go
    /// straight to its code (the name is never reassigned).
    fn direct_target(&self, name: &str) -> Option<u32> {
        let layouts = std::iter::once(&self.layout).chain(self.outer.iter().rev());
        for layout in layouts {
            if layout.declared.contains(name) {
                return layout.fn_decls.get(name).copied().filter(|_| !layout.assigned.contains(name));
            }
        }
        if self.m.analysis.global_assigned.contains(name) {
            return None;
        }
        self.m.global_funcs.get(name).copied()
    }

    #[expect(clippy::expect_used, reason = "scope analysis gives an environment to every function that uses one")]
    fn env_get(&mut self, hops: u32, slot: u32) {
        let env = self.env.expect("a function using its environment has one");
        self.emit(I::LocalGet(env));
        self.emit(I::I64Const(i64::from(hops << 16 | slot)));
        self.op2(op::ENV_GET);
    }

    /// Stores the value on the stack in an environment slot, leaving it.
    #[expect(clippy::expect_used, reason = "scope analysis gives an environment to every function that uses one")]
    fn env_set(&mut self, hops: u32, slot: u32) {
        let env = self.env.expect("a function using its environment has one");
        let v = self.take_tmp();
        self.emit(I::LocalSet(v));
        self.emit(I::LocalGet(env));
        self.emit(I::I64Const(i64::from(hops << 16 | slot)));
        self.emit(I::LocalGet(v));
        self.give_tmp(v);
        self.op3(op::ENV_SET);
    }

    /// The function-level name of the identifier `name` at `span` (block
    /// scoped variables are renamed, see scope.rs).
    fn resolved<'n>(&'n self, name: &'n str, span: Span) -> &'n str {
        self.m.analysis.renames.get(&(self.m.script, span.start)).map_or(name, String::as_str)
    }

    fn read_name(&mut self, name: &str, span: Span) {
        let name = &self.resolved(name, span).to_string();
        match self.place(name) {
            Place::Local(l) => self.emit(I::LocalGet(l)),
            Place::Env(hops, slot) => self.env_get(hops, slot),
            Place::This => match self.kind {
                FnKind::Function => self.emit(I::LocalGet(1)),
                _ => self.emit(I::I64Const(UNDEFINED)),
            },
            Place::Arguments => self.emit(I::LocalGet(2)),
            Place::Global => self.read_global(name, span),
        }
    }

    fn read_global(&mut self, name: &str, _span: Span) {
        if let Some(&g) = self.m.global_vars.get(name) {
            self.emit(I::GlobalGet(g));
            return;
        }
        match name {
            "undefined" => self.emit(I::I64Const(UNDEFINED)),
            "NaN" => self.emit(I::I64Const(value::CANONICAL_NAN)),
            "Infinity" => self.emit(I::I64Const(value::number(f64::INFINITY))),
            "botContext" => self.emit(I::I64Const(value::reference(BOT_CONTEXT_SLOT))),
            // `this` at the top level of the globals script.
            "this" => self.emit(I::I64Const(UNDEFINED)),
            _ => match BUILTINS.iter().position(|b| *b == name) {
                Some(i) => self.emit(I::I64Const(builtin_ref(i))),
                None => {
                    let id = self.m.string(name);
                    self.emit(I::I64Const(i64::from(id)));
                    self.op1(op::GLOBAL_GET);
                }
            },
        }
    }

    /// Assigns the value on the stack to `name`, leaving it on the stack.
    fn assign_name(&mut self, name: &str, span: Span) {
        let name = &self.resolved(name, span).to_string();
        match self.place(name) {
            Place::Local(l) => self.emit(I::LocalTee(l)),
            Place::Env(hops, slot) => self.env_set(hops, slot),
            Place::This | Place::Arguments => self.m.not_yet(span, &format!("assigning `{name}`")),
            Place::Global => {
                if let Some(&g) = self.m.global_vars.get(name) {
                    let t = self.take_tmp();
                    self.emit(I::LocalTee(t));
                    self.emit(I::GlobalSet(g));
                    self.emit(I::LocalGet(t));
                    self.give_tmp(t);
                } else {
                    // An undeclared name: an implicit global (sloppy mode).
                    let v = self.take_tmp();
                    self.emit(I::LocalSet(v));
                    let id = self.m.string(name);
                    self.emit(I::I64Const(i64::from(id)));
                    self.emit(I::LocalGet(v));
                    self.emit(I::I64Const(UNDEFINED));
                    self.give_tmp(v);
                    self.op3(op::GLOBAL_SET);
                }
            }
        }
    }

    // ---- expressions: each leaves one value on the stack ----

    fn expr(&mut self, e: &Expression<'_>) {
        match e {
            Expression::NumericLiteral(n) => self.emit(I::I64Const(value::number(n.value))),
            Expression::StringLiteral(s) => self.string(s.value.as_str()),
            Expression::BooleanLiteral(b) => self.emit(I::I64Const(value::boolean(b.value))),
            Expression::NullLiteral(_) => self.emit(I::I64Const(NULL)),
            Expression::Identifier(id) => self.read_name(id.name.as_str(), id.span),
            Expression::ParenthesizedExpression(p) => self.expr(&p.expression),
            Expression::ThisExpression(t) => self.read_name("this", t.span),
            Expression::TemplateLiteral(t) => {
                self.string(t.quasis[0].value.cooked.map_or("", |c| c.as_str()));
                for (i, e) in t.expressions.iter().enumerate() {
                    // `${x}` is ToString(x): "" + x gives the same for the
                    // values scripts build.
                    self.string("");
                    self.expr(e);
                    self.emit(I::Call(F_ADD));
                    self.check();
                    self.emit(I::Call(F_ADD));
                    self.check();
                    self.string(t.quasis[i + 1].value.cooked.map_or("", |c| c.as_str()));
                    self.emit(I::Call(F_ADD));
                    self.check();
                }
            }
            Expression::ObjectExpression(_) | Expression::ArrayExpression(_) if self.tree_literal(e) => {}
            Expression::ArrayExpression(a)
                if (1..=3).contains(&a.elements.len())
                    && !a.elements.iter().any(|e| matches!(e, ArrayExpressionElement::SpreadElement(_))) =>
            {
                for el in &a.elements {
                    match el {
                        ArrayExpressionElement::Elision(_) => self.emit(I::I64Const(UNDEFINED)),
                        other => self.expr(other.to_expression()),
                    }
                }
                self.small_array(a.elements.len());
            }
            Expression::ArrayExpression(a) => {
                // The operand is a capacity hint (runtime.rs `NEW_ARRAY`).
                self.emit(I::I64Const(a.elements.len() as i64));
                self.op1(op::NEW_ARRAY);
                for el in &a.elements {
                    match el {
                        ArrayExpressionElement::SpreadElement(s) => {
                            self.m.outside(s.span, "spread `...`");
                            continue;
                        }
                        ArrayExpressionElement::Elision(_) => self.emit(I::I64Const(UNDEFINED)),
                        other => self.expr(other.to_expression()),
                    }
                    self.op2(op::PUSH);
                }
            }
            Expression::ObjectExpression(o) if let Some(keys) = self.plain_literal(o) => self.shaped_literal(o, keys),
            Expression::ObjectExpression(o) => {
                self.emit(I::I64Const(o.properties.len() as i64));
                self.op1(op::NEW_OBJECT);
                for p in &o.properties {
                    let ObjectPropertyKind::ObjectProperty(p) = p else {
                        self.m.outside(p.span(), "spread `...` in an object literal");
                        continue;
                    };
                    if p.computed {
                        // `{[k]: v}` (ES2015 §12.2.6.7): the key, then the
                        // value; PUT converts the key as any key.
                        self.computed_key(&p.key);
                        self.expr(&p.value);
                    } else {
                        let Some(name) = self.property_key(&p.key) else { continue };
                        self.named_expr(&p.value, &name);
                    }
                    // `get k() {…}` / `set k(v) {…}` make an accessor (ES5
                    // §11.1.5); `k() {…}` (ES2015) is a plain function value.
                    self.op3(match p.kind {
                        PropertyKind::Get => op::DEFINE_GETTER,
                        PropertyKind::Set => op::DEFINE_SETTER,
                        PropertyKind::Init => op::PUT,
                    });
                }
            }
            Expression::StaticMemberExpression(m) => self.member(&m.object, None, m.property.name.as_str()),
            Expression::ComputedMemberExpression(m) => self.member(&m.object, Some(&m.expression), ""),
            Expression::CallExpression(c) => self.call(c),
            Expression::BinaryExpression(b) => self.binary(b),
            Expression::LogicalExpression(l) => {
                let t = self.new_local();
                self.expr(&l.left);
                self.emit(I::LocalTee(t));
                self.truthiness_of(&l.left);
                self.depth += 1;
                if l.operator == LogicalOperator::And {
                    self.emit(I::If(BlockType::Result(ValType::I64)));
                    self.expr(&l.right);
                    self.emit(I::Else);
                    self.emit(I::LocalGet(t));
                } else if l.operator == LogicalOperator::Or {
                    self.emit(I::If(BlockType::Result(ValType::I64)));
                    self.emit(I::LocalGet(t));
                    self.emit(I::Else);
                    self.expr(&l.right);
                } else {
                    self.m.outside(l.span, "`??`");
                    self.emit(I::If(BlockType::Result(ValType::I64)));
                    self.emit(I::LocalGet(t));
                    self.emit(I::Else);
                    self.emit(I::LocalGet(t));
                }
                self.depth -= 1;
                self.emit(I::End);
            }
            Expression::ConditionalExpression(c) => {
                self.test(&c.test);
                self.emit(I::If(BlockType::Result(ValType::I64)));
                self.depth += 1;
                self.expr(&c.consequent);
                self.emit(I::Else);
                self.expr(&c.alternate);
                self.depth -= 1;
                self.emit(I::End);
            }
            Expression::UnaryExpression(u) => self.unary(u),
            Expression::AssignmentExpression(a) => self.assign(a),
            Expression::UpdateExpression(u) => self.update(u),
            Expression::SequenceExpression(s) => {
                for (i, e) in s.expressions.iter().enumerate() {
                    self.expr(e);
                    if i + 1 < s.expressions.len() {
                        self.emit(I::Drop);
                    }
                }
            }
            Expression::FunctionExpression(f) => {
                let index = self.m.reserve_for(FnRef::Function(f));
                self.closure(FnRef::Function(f), index);
            }
            Expression::ArrowFunctionExpression(f) => {
                let index = self.m.reserve_for(FnRef::Arrow(f));
                self.closure(FnRef::Arrow(f), index);
            }
            Expression::NewExpression(n) => {
                let ctor = match &n.callee {
                    Expression::Identifier(id)
                        if matches!(self.place(self.resolved(id.name.as_str(), id.span)), Place::Global) =>
                    {
                        crate::runtime::CONSTRUCTORS.iter().position(|c| *c == id.name.as_str())
                    }
                    _ => None,
                };
                match ctor {
                    Some(c) if !self.m.global_vars.contains_key(crate::runtime::constructor_name(c)) => {
                        self.emit(I::I64Const(c as i64));
                        self.args(&n.arguments);
                        self.op2(op::NEW);
                    }
                    _ => {
                        self.expr(&n.callee);
                        self.args(&n.arguments);
                        self.op2(op::CONSTRUCT);
                    }
                }
            }
            Expression::RegExpLiteral(r) => {
                // Compiled (and so validated) with the program: a bad pattern is
                // a compile error with its span, not a SyntaxError at run time.
                let source = r.regex.pattern.text.as_str();
                let flags = r.regex.flags.to_string();
                match self.m.regexes.literal(source, &flags) {
                    Ok(_) => {
                        self.string(source);
                        self.string(&flags);
                        self.op2(op::REGEXP);
                    }
                    Err(message) => {
                        self.m.diag("S001", r.span, message, None);
                        self.emit(I::I64Const(UNDEFINED));
                    }
                }
            }
            Expression::ClassExpression(c) => {
                self.outside_value(c.span, "a class");
            }
            other => {
                self.outside_value(other.span(), "this expression");
            }
        }
    }

    /// Builds the arguments array.
    /// The keys of an object literal that can be built in one go: plain
    /// `key: value` properties (no accessors, computed keys or spreads)
    /// with distinct names that are neither array indices (which order
    /// first) nor `__proto__`. Nothing can see such an object before it is
    /// complete, so making it after all its values are evaluated is not
    /// observable.
    fn plain_literal(&self, o: &ObjectExpression<'_>) -> Option<Vec<String>> {
        let mut keys: Vec<String> = Vec::with_capacity(o.properties.len());
        for p in &o.properties {
            let ObjectPropertyKind::ObjectProperty(p) = p else { return None };
            if p.computed || p.kind != PropertyKind::Init {
                return None;
            }
            let key = match &p.key {
                PropertyKey::StaticIdentifier(id) => id.name.as_str(),
                PropertyKey::StringLiteral(s) => s.value.as_str(),
                _ => return None,
            };
            if key == "__proto__" || crate::runtime::is_array_index(key) || keys.iter().any(|k| k == key) {
                return None;
            }
            keys.push(key.to_string());
        }
        (!keys.is_empty() && keys.len() <= 64).then_some(keys)
    }

    /// A nest of object and array literals made in one operation
    /// (`op::TREE`) when that saves operations: plain object literals
    /// ([`FnGen::plain_literal`]) and array literals without holes or
    /// spreads, whose values are constants (baked into the nest), literals
    /// of the nest, or at most three other expressions, which are evaluated
    /// first, in source order, as they would be. Nothing can see a literal
    /// before it is complete, so making them all after every value is not
    /// observable (as for `shaped_literal`). `false`: not such a nest,
    /// nothing emitted.
    fn tree_literal(&mut self, e: &Expression<'_>) -> bool {
        let mut nodes = Vec::new();
        let mut values = Vec::new();
        if self.tree_node(e, &mut nodes, &mut values).is_none() {
            return false;
        }
        // What the literals cost one by one: an object one operation per
        // three values (`shaped_literal`), an array of one to three one
        // operation, a longer or empty one one to make and one per item.
        let separate: usize = nodes
            .iter()
            .map(|n| match n {
                TreeNode::Object(_, slots) => 1 + slots.len().saturating_sub(2) / 2,
                TreeNode::Array(slots) if (1..=3).contains(&slots.len()) => 1,
                TreeNode::Array(slots) => 1 + slots.len(),
            })
            .sum();
        if separate < 2 {
            return false;
        }
        let n = self.m.trees.len() as i32 + 1;
        let json = self.tree_json(&nodes);
        let (mut members, mut work) = (0, 0);
        for node in &nodes {
            match node {
                TreeNode::Object(_, slots) => {
                    members += slots.len() as u64;
                    work += slots.len() as u64 + 1;
                }
                TreeNode::Array(slots) => members += slots.len() as u64,
            }
        }
        self.m.trees.push(Tree { nodes: nodes.into(), json, members, work });
        for (v, name) in &values {
            match name {
                Some(name) => self.named_expr(v, name),
                None => self.expr(v),
            }
        }
        for _ in values.len()..3 {
            self.emit(I::I64Const(UNDEFINED));
        }
        self.op3(op::TREE | (n << 8));
        true
    }

    /// The JSON text of a nest as made, around its operands (`Tree::json`):
    /// what `JSON.stringify` writes for it while every literal in it still
    /// has its names, constants and literals (calls.rs `Plain::nest`
    /// checks). `None` if a key is `toJSON`, which would run instead.
    fn tree_json(&self, nodes: &[TreeNode]) -> Option<Box<[Box<str>]>> {
        let mut pieces = vec![String::new()];
        self.node_json(nodes, nodes.len().checked_sub(1)?, &mut pieces)?;
        Some(pieces.into_iter().map(String::into_boxed_str).collect())
    }

    fn node_json(&self, nodes: &[TreeNode], i: usize, pieces: &mut Vec<String>) -> Option<()> {
        let slot_json = |slot: &TreeSlot, pieces: &mut Vec<String>| -> Option<()> {
            match *slot {
                TreeSlot::Operand(_) => pieces.push(String::new()),
                TreeSlot::Node(j) => self.node_json(nodes, j as usize, pieces)?,
                TreeSlot::Const(c) => {
                    let text = self.constant_json(c)?;
                    pieces.last_mut()?.push_str(&text);
                }
            }
            Some(())
        };
        match nodes.get(i)? {
            TreeNode::Object(shape, slots) => {
                let keys = self.m.shapes.get(*shape as usize)?.clone();
                pieces.last_mut()?.push('{');
                for (k, (key, slot)) in keys.iter().zip(slots.iter()).enumerate() {
                    if &**key == "toJSON" {
                        return None;
                    }
                    let last = pieces.last_mut()?;
                    if k > 0 {
                        last.push(',');
                    }
                    crate::calls::json::quote_into(last, key);
                    last.push(':');
                    slot_json(slot, pieces)?;
                }
                pieces.last_mut()?.push('}');
            }
            TreeNode::Array(slots) => {
                pieces.last_mut()?.push('[');
                for (k, slot) in slots.iter().enumerate() {
                    if k > 0 {
                        pieces.last_mut()?.push(',');
                    }
                    slot_json(slot, pieces)?;
                }
                pieces.last_mut()?.push(']');
            }
        }
        Some(())
    }

    /// A literal constant of a nest (`tree_slot`) as JSON writes it.
    fn constant_json(&self, c: i64) -> Option<String> {
        Some(match c {
            NULL => "null".into(),
            TRUE => "true".into(),
            FALSE => "false".into(),
            _ if value::is_number(c) => {
                let n = value::as_number(c);
                if n.is_finite() { cbot_host::number_to_string(n) } else { "null".into() }
            }
            _ => {
                let text = self.m.strings.get(string_id(c)?)?;
                let mut out = String::new();
                crate::calls::json::quote_into(&mut out, text);
                out
            }
        })
    }

    /// Adds literal `e` and the literals in it to `nodes` (children first),
    /// its values that are not constants to `values` (with the property
    /// name an anonymous function among them takes); `None` if `e` is not
    /// such a literal or the nest would need more than three values.
    fn tree_node<'e>(
        &mut self,
        e: &'e Expression<'e>,
        nodes: &mut Vec<TreeNode>,
        values: &mut Vec<(&'e Expression<'e>, Option<String>)>,
    ) -> Option<TreeSlot> {
        let node = match e.without_parentheses() {
            Expression::ObjectExpression(o) => {
                let keys = self.plain_literal(o)?;
                let ids: Vec<u32> = keys.iter().map(|k| self.m.string(k)).collect();
                let mut slots = Vec::with_capacity(keys.len());
                for (p, k) in o.properties.iter().zip(keys) {
                    let ObjectPropertyKind::ObjectProperty(p) = p else { return None };
                    slots.push(self.tree_slot(&p.value, Some(k), nodes, values)?);
                }
                TreeNode::Object(self.m.shape(ids), slots.into())
            }
            Expression::ArrayExpression(a) if a.elements.len() <= 64 => {
                let mut slots = Vec::with_capacity(a.elements.len());
                for el in &a.elements {
                    match el {
                        ArrayExpressionElement::SpreadElement(_) | ArrayExpressionElement::Elision(_) => return None,
                        other => slots.push(self.tree_slot(other.to_expression(), None, nodes, values)?),
                    }
                }
                TreeNode::Array(slots.into())
            }
            _ => return None,
        };
        if nodes.len() == crate::runtime::TREE_NODES_MAX {
            return None;
        }
        nodes.push(node);
        Some(TreeSlot::Node(nodes.len() as u32 - 1))
    }

    /// One value of a literal of the nest (see `tree_node`).
    fn tree_slot<'e>(
        &mut self,
        v: &'e Expression<'e>,
        name: Option<String>,
        nodes: &mut Vec<TreeNode>,
        values: &mut Vec<(&'e Expression<'e>, Option<String>)>,
    ) -> Option<TreeSlot> {
        let constant = match v.without_parentheses() {
            Expression::StringLiteral(s) => Some(string_ref(self.m.string(s.value.as_str()))),
            Expression::NumericLiteral(n) => Some(value::number(n.value)),
            Expression::BooleanLiteral(b) => Some(value::boolean(b.value)),
            Expression::NullLiteral(_) => Some(NULL),
            _ => None,
        };
        if let Some(c) = constant {
            return Some(TreeSlot::Const(c));
        }
        // A literal that cannot be part of the nest (an accessor in it, say)
        // is a value like any other.
        let before = (nodes.len(), values.len());
        if matches!(v.without_parentheses(), Expression::ObjectExpression(_) | Expression::ArrayExpression(_)) {
            if let Some(slot) = self.tree_node(v, nodes, values) {
                return Some(slot);
            }
            // Too many values in it, or not such a literal: then it is
            // one value of this nest, evaluated on its own.
            nodes.truncate(before.0);
            values.truncate(before.1);
        }
        if values.len() == 3 {
            return None;
        }
        values.push((v, name));
        Some(TreeSlot::Operand(values.len() as u8 - 1))
    }

    /// An object literal of [`FnGen::plain_literal`] keys: its values in
    /// order, then one operation per three of them (the first makes the
    /// object, the rest add two each).
    fn shaped_literal(&mut self, o: &ObjectExpression<'_>, keys: Vec<String>) {
        let ids: Vec<u32> = keys.iter().map(|k| self.m.string(k)).collect();
        // The immediate is the list's index + 1, so every such code is 256
        // or more (runtime.rs `op::OBJECT`).
        let shape = self.m.shape(ids) as i32 + 1;
        let values: Vec<&Expression<'_>> = o
            .properties
            .iter()
            .filter_map(|p| match p {
                ObjectPropertyKind::ObjectProperty(p) => Some(&p.value),
                ObjectPropertyKind::SpreadProperty(_) => None,
            })
            .collect();
        let (first, rest) = values.split_at(values.len().min(3));
        for (v, k) in first.iter().zip(&keys) {
            self.named_expr(v, k);
        }
        for _ in first.len()..3 {
            self.emit(I::I64Const(UNDEFINED));
        }
        self.op3(op::OBJECT | (shape << 8));
        for (pair, ks) in rest.chunks(2).zip(keys[first.len()..].chunks(2)) {
            for (v, k) in pair.iter().zip(ks) {
                self.named_expr(v, k);
            }
            if pair.len() < 2 {
                self.emit(I::I64Const(UNDEFINED));
            }
            self.op3(op::OBJECT_MORE | (shape << 8));
        }
    }

    /// A property read `object.name` (`key` None) or `object[key]`. Reads
    /// of reads (`a.b.c`, `list[i].variants[j].id`) are one host operation
    /// when every key after the first is a constant or a plain local: in
    /// JavaScript each read happens before the next key is evaluated, which
    /// matters only when a key has an effect or a read can change what the
    /// key reads (a getter cannot reach a wasm local). Two reads are GET2
    /// (both keys operands); longer paths are GET_PATH, whose constant keys
    /// live in the program's path table and whose other keys (at most two)
    /// are the operands.
    fn member(&mut self, object: &Expression<'_>, key: Option<&Expression<'_>>, name: &str) {
        // The keys, outermost first, and the object they are read from.
        let mut keys = vec![(key, name)];
        let mut base = object;
        while keys.len() < MAX_PATH
            && let Some((inner_object, inner_key, inner_name)) = member_parts(base)
        {
            // The key so far innermost is evaluated after a read once the
            // path takes in another one.
            if !keys.last().is_none_or(|(k, _)| k.is_none_or(|k| self.inert(k))) {
                break;
            }
            let operands = keys.iter().filter(|(k, _)| is_operand(*k)).count() + usize::from(is_operand(inner_key));
            if keys.len() >= 2 && operands > 2 {
                break;
            }
            keys.push((inner_key, inner_name));
            base = inner_object;
        }
        self.expr(base);
        match keys.as_slice() {
            [(k, n)] => {
                self.member_key(*k, n);
                self.op2(op::GET);
            }
            [(k2, n2), (k1, n1)] => {
                self.member_key(*k1, n1);
                self.member_key(*k2, n2);
                self.op3(op::GET2);
            }
            _ => {
                let mut path = Vec::with_capacity(keys.len());
                let mut operands = 0;
                for (k, n) in keys.iter().rev() {
                    path.push(match (k, constant_key(*k)) {
                        (None, _) => PathKey::Const(string_ref(self.m.string(n))),
                        (_, Some(Lit::Str(s))) => PathKey::Const(string_ref(self.m.string(s))),
                        (_, Some(Lit::Num(x))) => PathKey::Const(value::number(x)),
                        (Some(k), None) => {
                            self.expr(k);
                            operands += 1;
                            if operands == 1 { PathKey::B } else { PathKey::C }
                        }
                    });
                }
                for _ in operands..2 {
                    self.emit(I::I64Const(UNDEFINED));
                }
                // The immediate is the path's index + 1 (codes from 256).
                let n = self.m.path(path) as i32 + 1;
                self.op3(op::GET_PATH | (n << 8));
            }
        }
    }

    fn member_key(&mut self, key: Option<&Expression<'_>>, name: &str) {
        match key {
            Some(k) => self.expr(k),
            None => self.string(name),
        }
    }

    /// Whether evaluating `e` has no effect and gives the same value
    /// whatever a property read does: a literal, or a variable that lives
    /// in a wasm local (no getter can reach it).
    fn inert(&self, e: &Expression<'_>) -> bool {
        match e.without_parentheses() {
            Expression::NumericLiteral(_) | Expression::StringLiteral(_) => true,
            Expression::Identifier(id) => {
                matches!(self.place(self.resolved(id.name.as_str(), id.span)), Place::Local(_))
            }
            _ => false,
        }
    }

    fn args(&mut self, args: &[Argument<'_>]) {
        // One to three plain arguments: evaluated in order, then one
        // operation makes the array (instead of one per argument).
        if (1..=3).contains(&args.len()) && !args.iter().any(|a| matches!(a, Argument::SpreadElement(_))) {
            for a in args {
                self.expr(a.to_expression());
            }
            self.small_array(args.len());
            return;
        }
        self.emit(I::I64Const(args.len() as i64));
        self.op1(op::NEW_ARRAY);
        for a in args {
            match a {
                Argument::SpreadElement(s) => self.m.outside(s.span, "spread `...`"),
                other => {
                    self.expr(other.to_expression());
                    self.op2(op::PUSH);
                }
            }
        }
    }

    /// The arguments of a direct call of function `index`: as its direct
    /// entry takes them (missing ones `undefined`; extra ones evaluated,
    /// for their effects, and dropped), or as an array.
    fn call_args(&mut self, index: u32, args: &[Argument<'_>]) {
        let Some(n) = self.m.direct_of(index) else {
            return self.args(args);
        };
        for (i, a) in args.iter().enumerate() {
            match a {
                Argument::SpreadElement(s) => {
                    self.m.outside(s.span, "spread `...`");
                    self.emit(I::I64Const(UNDEFINED));
                }
                other => self.expr(other.to_expression()),
            }
            if i >= n as usize {
                self.emit(I::Drop);
            }
        }
        for _ in args.len()..n as usize {
            self.emit(I::I64Const(UNDEFINED));
        }
    }

    /// The function a call of global `name` reaches directly because the
    /// globals' init code stored it there and nothing else writes the
    /// name (`ModuleState::var_funcs`): only in code that runs after init.
    fn var_func(&self, name: &str) -> Option<u32> {
        if !self.m.after_init || !matches!(self.place(name), Place::Global) {
            return None;
        }
        self.m.var_funcs.get(name).copied()
    }

    /// With a method call's object and name on the stack: its arguments,
    /// and the call. One plain argument needs no arguments array.
    fn method_args(&mut self, args: &[Argument<'_>]) {
        match args {
            [one] if !matches!(one, Argument::SpreadElement(_)) => {
                self.expr(one.to_expression());
                self.op3(op::CALL_METHOD1);
            }
            _ => {
                self.args(args);
                self.op3(op::CALL_METHOD);
            }
        }
    }

    fn call(&mut self, c: &CallExpression<'_>) {
        // `(o.f)()` is still a method call (ES5 §11.1.6 keeps the reference).
        match c.callee.without_parentheses() {
            Expression::Identifier(id) => {
                let name = self.resolved(id.name.as_str(), id.span).to_string();
                let name = name.as_str();
                if let Some(index) = self.direct_target(name) {
                    // The function object carries the environment; global
                    // functions have none to carry.
                    if self.m.global_funcs.get(name) == Some(&index) && matches!(self.place(name), Place::Global) {
                        self.emit(I::I64Const(UNDEFINED));
                    } else {
                        self.read_name(name, id.span);
                    }
                    self.emit(I::I64Const(UNDEFINED));
                    self.call_args(index, &c.arguments);
                    self.emit(I::Call(index));
                    self.check();
                } else if let Some(index) = self.var_func(name) {
                    // The function the globals' `var name = function …` made.
                    self.read_name(name, id.span);
                    self.emit(I::I64Const(UNDEFINED));
                    self.call_args(index, &c.arguments);
                    self.emit(I::Call(index));
                    self.check();
                } else if let (Some(b), Place::Global, false) =
                    (BUILTINS.iter().position(|b| *b == name), self.place(name), self.m.global_vars.contains_key(name))
                {
                    self.emit(I::I64Const(b as i64));
                    self.args(&c.arguments);
                    self.op2(op::CALL_BUILTIN);
                } else {
                    self.read_name(name, id.span);
                    self.call_value(Some(name), &c.arguments);
                }
            }
            Expression::StaticMemberExpression(m) => {
                self.expr(&m.object);
                self.method_base(|g| g.string(m.property.name.as_str()));
                self.string(m.property.name.as_str());
                self.method_args(&c.arguments);
            }
            Expression::ComputedMemberExpression(m) => {
                self.expr(&m.object);
                self.expr(&m.expression);
                let key = self.take_tmp();
                self.emit(I::LocalSet(key));
                self.method_base(|g| g.emit(I::LocalGet(key)));
                self.emit(I::LocalGet(key));
                self.give_tmp(key);
                self.method_args(&c.arguments);
            }
            other => {
                self.expr(other);
                self.call_value(None, &c.arguments);
            }
        }
    }

    /// With a method call's object on the stack: throws the TypeError of
    /// reading the method from `undefined` or `null` before the arguments
    /// are evaluated (ES5 §11.2.1, §11.2.3), as JavaScript does; `key`
    /// pushes the method's name. The test is inline, so other objects pay
    /// no host call.
    fn method_base(&mut self, key: impl FnOnce(&mut Self)) {
        let obj = self.take_tmp();
        self.emit(I::LocalTee(obj));
        self.emit(I::I64Const(UNDEFINED));
        self.emit(I::I64Eq);
        self.emit(I::LocalGet(obj));
        self.emit(I::I64Const(NULL));
        self.emit(I::I64Eq);
        self.emit(I::I32Or);
        self.emit(I::If(BlockType::Empty));
        self.depth += 1;
        self.emit(I::LocalGet(obj));
        key(self);
        self.op2(op::METHOD_BASE);
        self.emit(I::Drop);
        self.depth -= 1;
        self.emit(I::End);
        self.emit(I::LocalGet(obj));
        self.give_tmp(obj);
    }

    /// Calls the function value on the stack with `this` undefined:
    /// `call_indirect` through the slot the host looks up (which throws a
    /// TypeError naming `name` for a value that is not a function).
    fn call_value(&mut self, name: Option<&str>, args: &[Argument<'_>]) {
        let callee = self.new_local();
        self.emit(I::LocalTee(callee));
        self.emit(I::I64Const(UNDEFINED));
        self.args(args);
        self.emit(I::LocalGet(callee));
        let name_id = name.map_or(-1, |n| i64::from(self.m.string(n)));
        self.emit(I::I64Const(name_id));
        self.op2(op::FN_SLOT);
        self.emit(I::I32WrapI64);
        self.emit(I::CallIndirect { type_index: T_FN, table_index: 0 });
        self.check();
    }

    /// `x1 + x2 + … + xn` with n ≥ 3, left to right as always, but once
    /// the sum is a string the host appends to one buffer instead of
    /// making a string per `+` that only the next `+` reads: the steps
    /// before the last hand on a marker of that buffer (runtime.rs
    /// `Host::concat`). `false` (nothing emitted) for a shorter chain.
    fn concat(&mut self, b: &BinaryExpression<'_>) -> bool {
        let mut operands = vec![&b.right];
        let mut left = &b.left;
        while let Expression::BinaryExpression(l) = left.without_parentheses()
            && l.operator == BinaryOperator::Addition
        {
            operands.push(&l.right);
            left = &l.left;
        }
        if operands.len() < 2 {
            return false;
        }
        operands.push(left);
        operands.reverse();
        let last = operands.len() - 1;
        self.expr(left);
        let mut i = 1;
        while let Some(e) = operands.get(i) {
            self.expr(e);
            // A string literal next is taken by this step: its evaluation
            // has no effect, so the conversions keep their order.
            let literal_next = operands.get(i + 1).filter(|n| matches!(n, Expression::StringLiteral(_)));
            let step = if let Some(next) = literal_next {
                self.expr(next);
                i += 1;
                if i == last { F_CAT_END_LITERAL } else { F_CAT_MORE_LITERAL }
            } else if i == last {
                F_CAT_END
            } else if i == 1 {
                F_CAT_START
            } else {
                F_CAT_MORE
            };
            self.emit(I::Call(step));
            self.check();
            i += 1;
        }
        true
    }

    fn binary(&mut self, b: &BinaryExpression<'_>) {
        if b.operator == BinaryOperator::Addition && self.concat(b) {
            return;
        }
        self.expr(&b.left);
        self.expr(&b.right);
        let helper = |f: u32| Some(f);
        let (helper, code, negate) = match b.operator {
            BinaryOperator::Addition => (helper(F_ADD), 0, false),
            BinaryOperator::Subtraction => (helper(F_SUB), 0, false),
            BinaryOperator::Multiplication => (helper(F_MUL), 0, false),
            BinaryOperator::Division => (helper(F_DIV), 0, false),
            BinaryOperator::LessThan => (helper(F_LT), 0, false),
            BinaryOperator::GreaterThan => (helper(F_GT), 0, false),
            BinaryOperator::LessEqualThan => (helper(F_LE), 0, false),
            BinaryOperator::GreaterEqualThan => (helper(F_GE), 0, false),
            BinaryOperator::StrictEquality => (helper(F_SEQ), 0, false),
            BinaryOperator::StrictInequality => (helper(F_SEQ), 0, true),
            BinaryOperator::Equality => (helper(F_EQ), 0, false),
            BinaryOperator::Inequality => (helper(F_EQ), 0, true),
            BinaryOperator::Remainder => (None, op::MOD, false),
            BinaryOperator::BitwiseAnd => (None, op::BITAND, false),
            BinaryOperator::BitwiseOR => (None, op::BITOR, false),
            BinaryOperator::BitwiseXOR => (None, op::BITXOR, false),
            BinaryOperator::ShiftLeft => (None, op::SHL, false),
            BinaryOperator::ShiftRight => (None, op::SHR, false),
            BinaryOperator::ShiftRightZeroFill => (None, op::USHR, false),
            BinaryOperator::In => (None, op::IN, false),
            BinaryOperator::Instanceof => (None, op::INSTANCEOF, false),
            BinaryOperator::Exponential => {
                self.m.outside(b.span, "`**`");
                (None, op::MUL, false)
            }
        };
        match helper {
            Some(f) => {
                self.emit(I::Call(f));
                self.check();
            }
            None => self.op2(code),
        }
        if negate {
            // Booleans are FALSE | bit: flip the bit.
            self.emit(I::I64Const(1));
            self.emit(I::I64Xor);
        }
    }

    fn unary(&mut self, u: &UnaryExpression<'_>) {
        match u.operator {
            UnaryOperator::LogicalNot => {
                self.test(&u.argument);
                self.emit(I::I32Eqz);
                self.emit(I::I64ExtendI32U);
                self.emit(I::I64Const(FALSE));
                self.emit(I::I64Or);
            }
            // `-1`: a constant, not an operation.
            UnaryOperator::UnaryNegation if let Expression::NumericLiteral(n) = u.argument.without_parentheses() => {
                self.emit(I::I64Const(value::number(-n.value)));
            }
            UnaryOperator::UnaryNegation => {
                self.expr(&u.argument);
                self.op1(op::NEG);
            }
            UnaryOperator::UnaryPlus => {
                self.expr(&u.argument);
                self.numeric();
            }
            UnaryOperator::BitwiseNot => {
                self.expr(&u.argument);
                self.op1(op::BITNOT);
            }
            UnaryOperator::Typeof => {
                // `typeof undeclared` is "undefined", not a ReferenceError.
                if let Expression::Identifier(id) = &u.argument {
                    let name = self.resolved(id.name.as_str(), id.span).to_string();
                    let name = name.as_str();
                    let known = !matches!(self.place(name), Place::Global)
                        || self.m.global_vars.contains_key(name)
                        || matches!(name, "undefined" | "NaN" | "Infinity" | "botContext")
                        || BUILTINS.contains(&name);
                    if !known {
                        let id = self.m.string(name);
                        self.emit(I::I64Const(i64::from(id)));
                        self.op1(op::GLOBAL_TYPEOF);
                        return;
                    }
                }
                self.expr(&u.argument);
                self.op1(op::TYPEOF);
            }
            UnaryOperator::Void => {
                self.expr(&u.argument);
                self.emit(I::Drop);
                self.emit(I::I64Const(UNDEFINED));
            }
            UnaryOperator::Delete => match &u.argument {
                Expression::StaticMemberExpression(m) => {
                    self.expr(&m.object);
                    self.string(m.property.name.as_str());
                    self.op2(op::DELETE);
                }
                Expression::ComputedMemberExpression(m) => {
                    self.expr(&m.object);
                    self.expr(&m.expression);
                    self.op2(op::DELETE);
                }
                Expression::Identifier(id)
                    if matches!(self.place(self.resolved(id.name.as_str(), id.span)), Place::Global) =>
                {
                    // Only implicit globals can be deleted (declared
                    // variables are not configurable, ES5 §10.5).
                    if self.m.global_vars.contains_key(id.name.as_str()) {
                        self.emit(I::I64Const(FALSE));
                    } else {
                        let name = self.m.string(id.name.as_str());
                        self.emit(I::I64Const(i64::from(name)));
                        self.op1(op::GLOBAL_DELETE);
                    }
                }
                Expression::Identifier(_) => self.emit(I::I64Const(FALSE)),
                other => {
                    // `delete 1` and the like: evaluate, then true.
                    self.expr(other);
                    self.emit(I::Drop);
                    self.emit(I::I64Const(TRUE));
                }
            },
        }
    }

    fn assign(&mut self, a: &AssignmentExpression<'_>) {
        let arith = match a.operator {
            AssignmentOperator::Assign => None,
            AssignmentOperator::Addition => Some((Some(F_ADD), 0)),
            AssignmentOperator::Subtraction => Some((Some(F_SUB), 0)),
            AssignmentOperator::Multiplication => Some((Some(F_MUL), 0)),
            AssignmentOperator::Division => Some((Some(F_DIV), 0)),
            AssignmentOperator::Remainder => Some((None, op::MOD)),
            AssignmentOperator::BitwiseAnd => Some((None, op::BITAND)),
            AssignmentOperator::BitwiseOR => Some((None, op::BITOR)),
            AssignmentOperator::BitwiseXOR => Some((None, op::BITXOR)),
            AssignmentOperator::ShiftLeft => Some((None, op::SHL)),
            AssignmentOperator::ShiftRight => Some((None, op::SHR)),
            AssignmentOperator::ShiftRightZeroFill => Some((None, op::USHR)),
            _ => {
                self.m.outside(a.span, "this assignment operator");
                None
            }
        };
        let combine = |g: &mut Self| {
            if let Some((helper, code)) = arith {
                match helper {
                    Some(f) => {
                        g.emit(I::Call(f));
                        g.check();
                    }
                    None => g.op2(code),
                }
            }
        };
        match &a.left {
            AssignmentTarget::AssignmentTargetIdentifier(id) => {
                if arith.is_some() {
                    self.read_name(id.name.as_str(), id.span);
                    self.expr(&a.right);
                } else {
                    self.named_expr(&a.right, id.name.as_str());
                }
                combine(self);
                self.assign_name(id.name.as_str(), id.span);
            }
            AssignmentTarget::StaticMemberExpression(_) | AssignmentTarget::ComputedMemberExpression(_) => {
                let Some((obj, key)) = a.left.as_simple_assignment_target().and_then(|t| self.member_operands(t))
                else {
                    return self.not_yet_value(a.span, "this assignment target");
                };
                self.emit(I::LocalGet(obj));
                self.emit(I::LocalGet(key));
                if arith.is_some() {
                    self.emit(I::LocalGet(obj));
                    self.emit(I::LocalGet(key));
                    self.op2(op::GET);
                }
                self.expr(&a.right);
                combine(self);
                self.op3(op::SET);
            }
            AssignmentTarget::ArrayAssignmentTarget(_) | AssignmentTarget::ObjectAssignmentTarget(_)
                if arith.is_none() =>
            {
                // `[a, b] = [b, a]`, `({x, y} = point)` (ES2015 §12.14.5):
                // the value of the expression is the right-hand side.
                self.expr(&a.right);
                let src = self.new_local();
                self.emit(I::LocalSet(src));
                self.destructure_into(&a.left, src);
                self.emit(I::LocalGet(src));
            }
            other => {
                self.m.not_yet(other.span(), "this assignment target");
                self.expr(&a.right);
            }
        }
    }

    /// Where a destructuring assignment stores one value: a variable, a
    /// property (its object and key evaluated first, ES2015 §12.14.5.3), or
    /// a nested pattern.
    fn target_ref<'t, 'a>(&mut self, t: &'t AssignmentTarget<'a>) -> TargetRef<'t, 'a> {
        match t {
            AssignmentTarget::AssignmentTargetIdentifier(id) => TargetRef::Name(id.name.as_str(), id.span),
            AssignmentTarget::ArrayAssignmentTarget(_) | AssignmentTarget::ObjectAssignmentTarget(_) => {
                TargetRef::Pattern(t)
            }
            other => match other.as_simple_assignment_target().and_then(|s| self.member_operands(s)) {
                Some((obj, key)) => TargetRef::Member(obj, key),
                None => {
                    self.m.not_yet(other.span(), "this assignment target");
                    TargetRef::None
                }
            },
        }
    }

    /// Stores local `v` where `r` says.
    fn store(&mut self, r: TargetRef<'_, '_>, v: u32) {
        match r {
            TargetRef::Name(name, span) => {
                self.emit(I::LocalGet(v));
                self.assign_name(name, span);
                self.emit(I::Drop);
            }
            TargetRef::Member(obj, key) => {
                self.emit(I::LocalGet(obj));
                self.emit(I::LocalGet(key));
                self.emit(I::LocalGet(v));
                self.op3(op::SET);
                self.emit(I::Drop);
            }
            TargetRef::Pattern(t) => self.destructure_into(t, v),
            TargetRef::None => {}
        }
    }

    /// With a value in local `v`: `init` when it is `undefined` (named
    /// `name` when the target is a plain name, ES2015 NamedEvaluation).
    fn default_into(&mut self, v: u32, init: &Expression<'_>, name: Option<&str>) {
        self.emit(I::LocalGet(v));
        self.emit(I::I64Const(UNDEFINED));
        self.emit(I::I64Eq);
        self.emit(I::If(BlockType::Empty));
        self.depth += 1;
        match name {
            Some(name) => self.named_expr(init, name),
            None => self.expr(init),
        }
        self.emit(I::LocalSet(v));
        self.depth -= 1;
        self.emit(I::End);
    }

    /// Destructuring assignment of local `src` to pattern `t` (an array or
    /// object assignment pattern; anything else is one target).
    fn destructure_into(&mut self, t: &AssignmentTarget<'_>, src: u32) {
        match t {
            AssignmentTarget::ArrayAssignmentTarget(a) => {
                for (i, el) in a.elements.iter().enumerate() {
                    if let Some(el) = el {
                        self.destructure_element(el, src, |g| g.emit(I::I64Const(value::number(i as f64))));
                    }
                }
                if let Some(rest) = &a.rest {
                    let r = self.target_ref(&rest.target);
                    self.array_rest(src, a.elements.len());
                    let v = self.new_local();
                    self.emit(I::LocalSet(v));
                    self.store(r, v);
                }
            }
            AssignmentTarget::ObjectAssignmentTarget(o) => {
                if o.rest.is_some() && o.properties.is_empty() {
                    self.require_object(src);
                }
                let mut computed = Vec::new();
                for prop in &o.properties {
                    match prop {
                        AssignmentTargetProperty::AssignmentTargetPropertyIdentifier(p) => {
                            let r = TargetRef::Name(p.binding.name.as_str(), p.binding.span);
                            self.emit(I::LocalGet(src));
                            self.string(p.binding.name.as_str());
                            self.op2(op::GET);
                            let v = self.new_local();
                            self.emit(I::LocalSet(v));
                            if let Some(init) = &p.init {
                                self.default_into(v, init, Some(p.binding.name.as_str()));
                            }
                            self.store(r, v);
                        }
                        AssignmentTargetProperty::AssignmentTargetPropertyProperty(p) => {
                            // The key, then the target, then the value.
                            let key = self.new_local();
                            if p.computed {
                                self.computed_key(&p.name);
                                computed.push(key);
                            } else if self.property_key(&p.name).is_none() {
                                self.emit(I::I64Const(UNDEFINED));
                            }
                            self.emit(I::LocalSet(key));
                            self.destructure_element(&p.binding, src, |g| g.emit(I::LocalGet(key)));
                        }
                    }
                }
                if let Some(rest) = &o.rest {
                    let r = self.target_ref(&rest.target);
                    let mut computed = computed.into_iter();
                    let named: Vec<Named<'_, '_>> = o
                        .properties
                        .iter()
                        .map(|p| match p {
                            AssignmentTargetProperty::AssignmentTargetPropertyIdentifier(p) => {
                                Named::Name(p.binding.name.as_str())
                            }
                            AssignmentTargetProperty::AssignmentTargetPropertyProperty(p) if p.computed => {
                                Named::Local(computed.next())
                            }
                            AssignmentTargetProperty::AssignmentTargetPropertyProperty(p) => Named::Key(&p.name),
                        })
                        .collect();
                    let v = self.object_rest(src, &named);
                    self.store(r, v);
                }
            }
            other => {
                let r = self.target_ref(other);
                self.store(r, src);
            }
        }
    }

    /// One element of a destructuring assignment: its target (evaluated
    /// first), then `src[key]` (`key` pushes the key), its default, the store.
    fn destructure_element(&mut self, el: &AssignmentTargetMaybeDefault<'_>, src: u32, key: impl FnOnce(&mut Self)) {
        let (target, init) = match el {
            AssignmentTargetMaybeDefault::AssignmentTargetWithDefault(d) => (&d.binding, Some(&d.init)),
            other => match other.as_assignment_target() {
                Some(t) => (t, None),
                None => return,
            },
        };
        let r = self.target_ref(target);
        self.emit(I::LocalGet(src));
        key(self);
        self.op2(op::GET);
        let v = self.new_local();
        self.emit(I::LocalSet(v));
        if let Some(init) = init {
            let name = match r {
                TargetRef::Name(name, _) => Some(name),
                _ => None,
            };
            self.default_into(v, init, name);
        }
        self.store(r, v);
    }

    /// The TypeError of destructuring `undefined` or `null` (ES2015
    /// §13.3.3.5 RequireObjectCoercible) for an object pattern that is only
    /// a rest element: the reads of named keys would throw it otherwise.
    fn require_object(&mut self, src: u32) {
        self.emit(I::LocalGet(src));
        self.method_base(|g| g.string("..."));
        self.emit(I::Drop);
    }

    /// `Array.prototype.slice.call(src, from)`: an array pattern's rest (an
    /// array also when the value is a string).
    fn array_rest(&mut self, src: u32, from: usize) {
        self.read_global("Array", Span::default());
        self.string("prototype");
        self.op2(op::GET);
        self.string("slice");
        self.op2(op::GET);
        self.string("call");
        self.emit(I::LocalGet(src));
        self.emit(I::I64Const(value::number(from as f64)));
        self.small_array(2);
        self.op3(op::CALL_METHOD);
    }

    /// An object pattern's rest (`{a, ...rest}`, ES2018 CopyDataProperties):
    /// the own enumerable properties of local `src` not `named` before it,
    /// as `Object.assign({}, src)` with those deleted; in a new local.
    fn object_rest(&mut self, src: u32, named: &[Named<'_, '_>]) -> u32 {
        self.read_global("Object", Span::default());
        self.string("assign");
        self.emit(I::I64Const(0));
        self.op1(op::NEW_OBJECT);
        self.emit(I::LocalGet(src));
        self.small_array(2);
        self.op3(op::CALL_METHOD);
        let r = self.new_local();
        self.emit(I::LocalSet(r));
        for n in named {
            self.emit(I::LocalGet(r));
            let pushed = match n {
                Named::Key(k) => self.property_key(k).is_some(),
                Named::Name(name) => {
                    self.string(name);
                    true
                }
                Named::Local(k) => {
                    self.emit(k.map_or(I::I64Const(UNDEFINED), I::LocalGet));
                    true
                }
            };
            if pushed {
                self.op2(op::DELETE);
            }
            self.emit(I::Drop);
        }
        r
    }

    /// Evaluates the object and key of a property target (`o.k`, `o[k]`)
    /// into two fresh locals, once, for a read-modify-write.
    fn member_operands(&mut self, target: &SimpleAssignmentTarget<'_>) -> Option<(u32, u32)> {
        let (obj, key) = (self.new_local(), self.new_local());
        match target {
            SimpleAssignmentTarget::StaticMemberExpression(m) => {
                self.expr(&m.object);
                self.emit(I::LocalSet(obj));
                self.string(m.property.name.as_str());
            }
            SimpleAssignmentTarget::ComputedMemberExpression(m) => {
                self.expr(&m.object);
                self.emit(I::LocalSet(obj));
                self.expr(&m.expression);
            }
            _ => return None,
        }
        self.emit(I::LocalSet(key));
        Some((obj, key))
    }

    /// ToNumber of the value on the stack (ES5 §9.3): a number stays as it
    /// is without a host call (`i++` on a counter).
    fn numeric(&mut self) {
        let t = self.take_tmp();
        self.emit(I::LocalTee(t));
        self.emit(I::I64Const(FIRST_TAG as i64));
        self.emit(I::I64LtU);
        self.emit(I::If(BlockType::Result(ValType::I64)));
        self.depth += 1;
        self.emit(I::LocalGet(t));
        self.emit(I::Else);
        self.emit(I::LocalGet(t));
        self.op1(op::TO_NUMBER);
        self.depth -= 1;
        self.emit(I::End);
        self.give_tmp(t);
    }

    fn update(&mut self, u: &UpdateExpression<'_>) {
        let one = value::number(1.0);
        let step = if u.operator == UpdateOperator::Increment { F_ADD } else { F_SUB };
        match &u.argument {
            SimpleAssignmentTarget::AssignmentTargetIdentifier(id) => {
                let old = self.new_local();
                self.read_name(id.name.as_str(), id.span);
                self.numeric();
                self.emit(I::LocalTee(old));
                self.emit(I::I64Const(one));
                self.emit(I::Call(step));
                self.check();
                self.assign_name(id.name.as_str(), id.span);
                if !u.prefix {
                    self.emit(I::Drop);
                    self.emit(I::LocalGet(old));
                }
            }
            target @ (SimpleAssignmentTarget::StaticMemberExpression(_)
            | SimpleAssignmentTarget::ComputedMemberExpression(_)) => {
                let Some((obj, key)) = self.member_operands(target) else {
                    return self.not_yet_value(u.span, "`++`/`--` on this target");
                };
                let old = self.new_local();
                self.emit(I::LocalGet(obj));
                self.emit(I::LocalGet(key));
                self.emit(I::LocalGet(obj));
                self.emit(I::LocalGet(key));
                self.op2(op::GET);
                self.numeric();
                self.emit(I::LocalTee(old));
                self.emit(I::I64Const(one));
                self.emit(I::Call(step));
                self.check();
                self.op3(op::SET);
                if !u.prefix {
                    self.emit(I::Drop);
                    self.emit(I::LocalGet(old));
                }
            }
            other => {
                self.not_yet_value(other.span(), "`++`/`--` on this target");
            }
        }
    }
}
