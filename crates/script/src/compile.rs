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

use crate::runtime::{BUILTINS, op};
use crate::value::{self, EXCEPTION, FALSE, FIRST_TAG, NULL, REF, TRUE, UNDEFINED};
use oxc_allocator::Allocator;
use oxc_ast::ast::*;
use oxc_span::{GetSpan, SourceType, Span};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use wasm_encoder::{
    BlockType, CodeSection, ConstExpr, EntityType, ExportKind, ExportSection, Function as WFunction, FunctionSection,
    GlobalSection, GlobalType, ImportSection, Instruction as I, Module, TypeSection, ValType,
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
    /// `S001` syntax, `S010` outside the dialect, `S020` not supported yet.
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
}

// Function indices: imports, then helpers, then JavaScript functions.
const F_OP1: u32 = 0;
const F_OP2: u32 = 1;
// op3 is function 2: `host_op` calls `F_OP1 + arity - 1`.
const F_TRUTHY: u32 = 3;
const F_ADD: u32 = 4;
const F_SUB: u32 = 5;
const F_MUL: u32 = 6;
const F_DIV: u32 = 7;
const F_LT: u32 = 8;
const F_GT: u32 = 9;
const F_LE: u32 = 10;
const F_GE: u32 = 11;
const F_SEQ: u32 = 12;
const F_EQ: u32 = 13;
const FIRST_USER_FUNC: u32 = 14;

// Types.
const T_OP1: u32 = 0;
const T_OP2: u32 = 1;
const T_OP3: u32 = 2;
const T_TRUTHY: u32 = 3;
const T_BIN: u32 = 4; // (i64, i64) -> i64: helpers and JS functions (this, args)
const T_PANEL: u32 = 5;

/// The global holding the current source position (`script << 22 | offset`).
const G_LOC: u32 = 0;

/// Heap slots the host fills before a run: `botContext`, then the built-ins.
pub(crate) const BOT_CONTEXT_SLOT: usize = 0;

fn builtin_ref(i: usize) -> i64 {
    value::reference(1 + i)
}

pub(crate) fn compile(sources: &[ScriptSource<'_>]) -> Result<Output, Vec<ScriptDiagnostic>> {
    let allocators: Vec<Allocator> = sources.iter().map(|_| Allocator::default()).collect();
    let mut diags = Vec::new();
    let mut programs = Vec::new();
    for (i, (src, alloc)) in sources.iter().zip(&allocators).enumerate() {
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
    // Pass 1: every function declaration gets an index; global names.
    let mut next = FIRST_USER_FUNC;
    for (i, program) in &programs {
        let kind = sources[*i].kind;
        collect_functions(&program.body, &mut m.func_index, &mut next);
        if kind == ScriptKind::Globals {
            for stmt in &program.body {
                match stmt {
                    Statement::FunctionDeclaration(f) => {
                        if let Some(id) = &f.id {
                            m.global_funcs
                                .insert(id.name.to_string(), m.func_index[&(&**f as *const Function as usize)]);
                        }
                    }
                    _ => hoisted_vars(std::slice::from_ref(stmt), &mut |name| {
                        let n = m.global_vars.len() as u32 + 1;
                        m.global_vars.entry(name.to_string()).or_insert(n);
                    }),
                }
            }
        }
    }
    let n_user_funcs = next - FIRST_USER_FUNC;
    m.bodies = vec![None; n_user_funcs as usize];

    // Pass 2: function bodies. A panel's variables are locals of the panel,
    // which functions declared inside it cannot capture yet; the globals
    // script's variables are wasm globals, visible everywhere.
    let mut panel_scopes = HashMap::new();
    for (i, program) in &programs {
        m.script = *i;
        let mut scope = Scope::default();
        if sources[*i].kind == ScriptKind::Panel {
            hoisted_vars(&program.body, &mut |n| {
                scope.outer_locals.insert(n.to_string());
            });
            scope.functions = declared_functions(&m, &program.body);
            panel_scopes.insert(*i, Scope { outer_locals: HashSet::new(), functions: scope.functions.clone() });
        }
        compile_nested(&mut m, &program.body, &scope);
    }
    // The globals' top-level code, run before each panel.
    let init = programs.iter().any(|(i, _)| sources[*i].kind == ScriptKind::Globals).then(|| {
        let mut g = FnGen::new(&mut m, FnKind::Init, Scope::default());
        for (i, program) in programs.iter().filter(|(i, _)| sources[*i].kind == ScriptKind::Globals) {
            g.m.script = *i;
            g.statements(&program.body);
        }
        g.emit(I::I64Const(UNDEFINED));
        g.finish()
    });
    let init_index = FIRST_USER_FUNC + n_user_funcs;
    let mut panels = Vec::new();
    let mut panel_bodies = Vec::new();
    for (i, program) in programs.iter().filter(|(i, _)| sources[*i].kind == ScriptKind::Panel) {
        m.script = *i;
        let scope = panel_scopes.remove(i).unwrap_or_default();
        let mut g = FnGen::new(&mut m, FnKind::Panel, scope);
        g.hoist(&program.body, &[]);
        // Every run starts from undefined globals, also when a session
        // reuses the instance (runs must not see each other's state).
        for gi in 1..=g.m.global_vars.len() as u32 {
            g.emit(I::I64Const(UNDEFINED));
            g.emit(I::GlobalSet(gi));
        }
        if init.is_some() {
            g.emit(I::I64Const(UNDEFINED));
            g.emit(I::I64Const(UNDEFINED));
            g.emit(I::Call(init_index));
            g.check();
            g.emit(I::Drop);
        }
        g.statements(&program.body);
        g.emit(I::I64Const(UNDEFINED));
        panel_bodies.push(g.finish());
        panels.push(sources[*i].name.to_string());
    }
    if !m.diags.is_empty() {
        return Err(m.diags);
    }
    Ok(Output { wasm: assemble(&m, init, panel_bodies), strings: m.strings, panels })
}

fn assemble(m: &ModuleState, init: Option<WFunction>, panels: Vec<WFunction>) -> Vec<u8> {
    let mut types = TypeSection::new();
    types.ty().function([ValType::I32, ValType::I64], [ValType::I64]);
    types.ty().function([ValType::I32, ValType::I64, ValType::I64], [ValType::I64]);
    types.ty().function([ValType::I32, ValType::I64, ValType::I64, ValType::I64], [ValType::I64]);
    types.ty().function([ValType::I64], [ValType::I32]);
    types.ty().function([ValType::I64, ValType::I64], [ValType::I64]);
    types.ty().function([], [ValType::I64]);
    let mut imports = ImportSection::new();
    imports.import("cbot", "op1", EntityType::Function(T_OP1));
    imports.import("cbot", "op2", EntityType::Function(T_OP2));
    imports.import("cbot", "op3", EntityType::Function(T_OP3));
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
    for body in &m.bodies {
        funcs.function(T_BIN);
        code.function(body.as_ref().expect("every declared function is compiled"));
    }
    if let Some(init) = &init {
        funcs.function(T_BIN);
        code.function(init);
    }
    let first_panel = FIRST_USER_FUNC + m.bodies.len() as u32 + u32::from(init.is_some());
    let mut exports = ExportSection::new();
    for (k, p) in panels.iter().enumerate() {
        funcs.function(T_PANEL);
        code.function(p);
        exports.export(&format!("panel{k}"), ExportKind::Func, first_panel + k as u32);
    }
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
    module.section(&types).section(&imports).section(&funcs).section(&globals).section(&exports).section(&code);
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
    f.instruction(&I::I32Const(op::TRUTHY)).instruction(&I::LocalGet(0)).instruction(&I::Call(F_OP1));
    f.instruction(&I::I64Const(TRUE)).instruction(&I::I64Eq).instruction(&I::End);
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
        .instruction(&I::Call(F_OP2));
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
        .instruction(&I::Call(F_OP2));
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
        .instruction(&I::Call(F_OP2));
    f.instruction(&I::End);
    f
}

#[derive(Default)]
struct ModuleState {
    strings: Vec<Arc<str>>,
    string_ids: HashMap<String, u32>,
    /// Function declaration (by address) → wasm function index.
    func_index: HashMap<usize, u32>,
    global_funcs: HashMap<String, u32>,
    /// Global variable → wasm global index (0 is the location global).
    global_vars: HashMap<String, u32>,
    bodies: Vec<Option<WFunction>>,
    diags: Vec<ScriptDiagnostic>,
    script: usize,
}

impl ModuleState {
    fn string(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.string_ids.get(s) {
            return i;
        }
        let i = self.strings.len() as u32;
        self.strings.push(Arc::from(s));
        self.string_ids.insert(s.to_string(), i);
        i
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

/// Visits function declarations in statement lists (not expressions).
fn collect_functions(stmts: &[Statement<'_>], index: &mut HashMap<usize, u32>, next: &mut u32) {
    for stmt in stmts {
        walk_statement(stmt, &mut |s| {
            if let Statement::FunctionDeclaration(f) = s {
                index.insert(&**f as *const Function as usize, *next);
                *next += 1;
                if let Some(body) = &f.body {
                    collect_functions(&body.statements, index, next);
                }
            }
        });
    }
}

/// Calls `f` on `stmt` and every statement nested in it, without entering
/// function bodies.
fn walk_statement<'x>(stmt: &'x Statement<'x>, f: &mut dyn FnMut(&'x Statement<'x>)) {
    f(stmt);
    match stmt {
        Statement::BlockStatement(b) => b.body.iter().for_each(|s| walk_statement(s, f)),
        Statement::IfStatement(s) => {
            walk_statement(&s.consequent, f);
            if let Some(a) = &s.alternate {
                walk_statement(a, f);
            }
        }
        Statement::WhileStatement(s) => walk_statement(&s.body, f),
        Statement::DoWhileStatement(s) => walk_statement(&s.body, f),
        Statement::ForStatement(s) => walk_statement(&s.body, f),
        Statement::ForInStatement(s) => walk_statement(&s.body, f),
        Statement::LabeledStatement(s) => walk_statement(&s.body, f),
        Statement::SwitchStatement(s) => {
            s.cases.iter().flat_map(|c| c.consequent.iter()).for_each(|x| walk_statement(x, f))
        }
        Statement::TryStatement(s) => {
            s.block.body.iter().for_each(|x| walk_statement(x, f));
            if let Some(h) = &s.handler {
                h.body.body.iter().for_each(|x| walk_statement(x, f));
            }
            if let Some(fin) = &s.finalizer {
                fin.body.iter().for_each(|x| walk_statement(x, f));
            }
        }
        _ => {}
    }
}

/// Names declared with `var`/`let`/`const` in these statements (function
/// scope: nested blocks included, nested functions excluded).
fn hoisted_vars<'x>(stmts: &'x [Statement<'x>], add: &mut dyn FnMut(&'x str)) {
    fn decl<'x>(d: &'x VariableDeclaration<'x>, add: &mut dyn FnMut(&'x str)) {
        for v in &d.declarations {
            if let BindingPattern::BindingIdentifier(id) = &v.id {
                add(id.name.as_str());
            }
        }
    }
    for stmt in stmts {
        walk_statement(stmt, &mut |s| match s {
            Statement::VariableDeclaration(d) => decl(d, add),
            Statement::ForStatement(f) => {
                if let Some(ForStatementInit::VariableDeclaration(d)) = &f.init {
                    decl(d, add);
                }
            }
            Statement::ForInStatement(f) => {
                if let ForStatementLeft::VariableDeclaration(d) = &f.left {
                    decl(d, add);
                }
            }
            // The catch parameter is a variable of the function (a
            // simplification: ES5 scopes it to the catch block).
            Statement::TryStatement(t) => {
                if let Some(BindingPattern::BindingIdentifier(id)) =
                    t.handler.as_ref().and_then(|h| h.param.as_ref()).map(|p| &p.pattern)
                {
                    add(id.name.as_str());
                }
            }
            _ => {}
        });
    }
}

/// Names visible from a function: enclosing functions' locals (which this
/// version cannot capture) and nested function declarations.
#[derive(Default, Clone)]
struct Scope {
    outer_locals: HashSet<String>,
    functions: HashMap<String, u32>,
}

/// The functions declared in a body (hoisted: visible throughout it).
fn declared_functions(m: &ModuleState, stmts: &[Statement<'_>]) -> HashMap<String, u32> {
    let mut out = HashMap::new();
    for stmt in stmts {
        walk_statement(stmt, &mut |s| {
            if let Statement::FunctionDeclaration(f) = s
                && let Some(id) = &f.id
            {
                out.insert(id.name.to_string(), m.func_index[&(&**f as *const Function as usize)]);
            }
        });
    }
    out
}

fn compile_nested(m: &mut ModuleState, stmts: &[Statement<'_>], scope: &Scope) {
    // Functions declared directly in this body are visible to each other.
    let mut scope = scope.clone();
    scope.functions.extend(declared_functions(m, stmts));
    let mut todo = Vec::new();
    for stmt in stmts {
        walk_statement(stmt, &mut |s| {
            if let Statement::FunctionDeclaration(f) = s {
                todo.push(&**f);
            }
        });
    }
    for f in todo {
        compile_function(m, f, &scope);
    }
}

fn compile_function(m: &mut ModuleState, f: &Function<'_>, scope: &Scope) {
    let index = m.func_index[&(f as *const Function as usize)];
    if f.generator || f.r#async {
        m.outside(f.span, if f.generator { "a generator function" } else { "an async function" });
    }
    let Some(body) = &f.body else { return };
    let mut own = scope.clone();
    own.functions.extend(declared_functions(m, &body.statements));
    let mut g = FnGen::new(m, FnKind::Function, own);
    let params: Vec<&str> = f
        .params
        .items
        .iter()
        .filter_map(|p| match &p.pattern {
            BindingPattern::BindingIdentifier(id) if p.initializer.is_none() => Some(id.name.as_str()),
            _ => {
                g.m.not_yet(p.span, "a destructuring or default parameter");
                None
            }
        })
        .collect();
    if let Some(rest) = &f.params.rest {
        g.m.not_yet(rest.span, "a rest parameter");
    }
    g.hoist(&body.statements, &params);
    for (i, p) in params.iter().enumerate() {
        let local = g.locals[*p];
        g.emit(I::I32Const(op::GET));
        g.emit(I::LocalGet(1));
        g.emit(I::I64Const(value::number(i as f64)));
        g.emit(I::Call(F_OP2));
        g.emit(I::LocalSet(local));
    }
    g.statements(&body.statements);
    g.emit(I::I64Const(UNDEFINED));
    let inner_scope = g.inner_scope();
    let func = g.finish();
    m.bodies[(index - FIRST_USER_FUNC) as usize] = Some(func);
    compile_nested(m, &body.statements, &inner_scope);
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
}

struct FnGen<'m> {
    m: &'m mut ModuleState,
    kind: FnKind,
    scope: Scope,
    locals: HashMap<String, u32>,
    n_locals: u32,
    tmp: Vec<u32>,
    code: Vec<I<'static>>,
    depth: u32,
    jumps: Vec<Jump>,
    /// Depths of the enclosing `catch` blocks: an exception inside `try`
    /// branches there instead of returning.
    handlers: Vec<u32>,
}

impl<'m> FnGen<'m> {
    fn new(m: &'m mut ModuleState, kind: FnKind, scope: Scope) -> Self {
        // Functions, the init code and panels all take (this, args) or
        // nothing; panels have no parameters.
        let n_params = if kind == FnKind::Panel { 0 } else { 2 };
        FnGen {
            m,
            kind,
            scope,
            locals: HashMap::new(),
            n_locals: n_params,
            tmp: Vec::new(),
            code: Vec::new(),
            depth: 0,
            jumps: Vec::new(),
            handlers: Vec::new(),
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

    /// Declares the function's variables and parameters as locals, set to
    /// `undefined` (hoisting, ES5 §10.5).
    fn hoist(&mut self, stmts: &[Statement<'_>], params: &[&str]) {
        let mut names: Vec<String> = params.iter().map(|p| p.to_string()).collect();
        hoisted_vars(stmts, &mut |n| names.push(n.to_string()));
        for name in names {
            if self.kind == FnKind::Init || self.locals.contains_key(&name) {
                continue;
            }
            let l = self.new_local();
            self.locals.insert(name, l);
            self.emit(I::I64Const(UNDEFINED));
            self.emit(I::LocalSet(l));
        }
    }

    fn inner_scope(&self) -> Scope {
        let mut s = self.scope.clone();
        s.outer_locals.extend(self.locals.keys().cloned());
        s
    }

    fn finish(self) -> WFunction {
        let n_params = if self.kind == FnKind::Panel { 0 } else { 2 };
        let mut f = WFunction::new([(self.n_locals - n_params, ValType::I64)]);
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
        match self.handlers.last() {
            // Leave the `if` and every block up to the handler's.
            Some(&h) => self.emit(I::Br(self.depth + 1 - h)),
            None => {
                self.emit(I::I64Const(EXCEPTION));
                self.emit(I::Return);
            }
        }
        self.emit(I::End);
        self.emit(I::LocalGet(t));
        self.give_tmp(t);
    }

    fn loc(&mut self, span: Span) {
        let loc = ((self.m.script as u32) << 22) | span.start.min((1 << 22) - 1);
        self.emit(I::I32Const(loc as i32));
        self.emit(I::GlobalSet(G_LOC));
    }

    fn string(&mut self, s: &str) {
        let id = self.m.string(s);
        self.emit(I::I32Const(op::STRING));
        self.emit(I::I64Const(i64::from(id)));
        self.emit(I::Call(F_OP1));
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
        self.emit(I::Call(F_OP1 + arity - 1));
        self.check();
    }

    fn truthy(&mut self) {
        self.emit(I::Call(F_TRUTHY));
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
                self.emit(I::Return);
            }
            Statement::IfStatement(s) => {
                self.expr(&s.test);
                self.truthy();
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
                    .find(|j| j.continue_depth.is_some() && (label.is_none() || j.label == label))
                {
                    Some(j) => {
                        let rel = self.depth - j.continue_depth.expect("a loop");
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
                        self.jumps.push(Jump { label, break_depth: self.depth, continue_depth: None });
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
    /// `block $end { block $catch { B; br $end } e = caught; C }`.
    fn try_(&mut self, s: &TryStatement<'_>) {
        if let Some(f) = &s.finalizer {
            self.m.not_yet(f.span, "`finally`");
            return;
        }
        let Some(handler) = &s.handler else { return };
        self.emit(I::Block(BlockType::Empty));
        self.depth += 1;
        let end = self.depth;
        self.emit(I::Block(BlockType::Empty));
        self.depth += 1;
        self.handlers.push(self.depth);
        self.statements(&s.block.body);
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
                self.m.not_yet(other.span(), "a destructuring `catch` parameter");
                self.emit(I::Drop);
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
        let name = match &s.left {
            ForStatementLeft::VariableDeclaration(d) => match d.declarations.first().map(|v| &v.id) {
                Some(BindingPattern::BindingIdentifier(id)) => (id.name.as_str(), id.span),
                _ => {
                    self.m.not_yet(d.span, "this `for … in` binding");
                    return;
                }
            },
            ForStatementLeft::AssignmentTargetIdentifier(id) => (id.name.as_str(), id.span),
            other => {
                self.m.not_yet(other.span(), "this `for … in` target");
                return;
            }
        };
        let (keys, n, i) = (self.new_local(), self.new_local(), self.new_local());
        self.expr(&s.right);
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
        self.assign_name(name.0, name.1);
        self.emit(I::Drop);
        self.jumps.push(Jump { label: None, break_depth, continue_depth: Some(self.depth) });
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

    fn var_decl(&mut self, d: &VariableDeclaration<'_>) {
        for v in &d.declarations {
            let BindingPattern::BindingIdentifier(id) = &v.id else {
                self.m.not_yet(v.span, "a destructuring declaration");
                continue;
            };
            if let Some(init) = &v.init {
                self.expr(init);
                self.assign_name(id.name.as_str(), id.span);
                self.emit(I::Drop);
            } else if d.kind != VariableDeclarationKind::Var {
                // `let x;` resets x to undefined where it is declared.
                self.emit(I::I64Const(UNDEFINED));
                self.assign_name(id.name.as_str(), id.span);
                self.emit(I::Drop);
            }
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
            self.expr(t);
            self.truthy();
            self.emit(I::I32Eqz);
            self.emit(I::BrIf(self.depth - break_depth));
        }
        self.emit(I::Block(BlockType::Empty));
        self.depth += 1;
        self.jumps.push(Jump { label, break_depth, continue_depth: Some(self.depth) });
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
                self.expr(t);
                self.truthy();
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
        self.jumps.push(Jump { label: None, break_depth, continue_depth: None });
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

    fn read_name(&mut self, name: &str, span: Span) {
        if let Some(&l) = self.locals.get(name) {
            self.emit(I::LocalGet(l));
        } else if name == "arguments" && self.kind == FnKind::Function {
            // The arguments array the caller built (array-like: length and
            // indices, which is what ES5 scripts use).
            self.emit(I::LocalGet(1));
        } else if self.scope.outer_locals.contains(name) {
            self.not_yet_value(span, &format!("reading `{name}` from an enclosing function (a closure)"));
        } else if let Some(&g) = self.m.global_vars.get(name) {
            self.emit(I::GlobalGet(g));
        } else if self.scope.functions.contains_key(name) || self.m.global_funcs.contains_key(name) {
            self.not_yet_value(span, &format!("using the function `{name}` as a value"));
        } else {
            match name {
                "undefined" => self.emit(I::I64Const(UNDEFINED)),
                "NaN" => self.emit(I::I64Const(value::CANONICAL_NAN)),
                "Infinity" => self.emit(I::I64Const(value::number(f64::INFINITY))),
                "botContext" => self.emit(I::I64Const(value::reference(BOT_CONTEXT_SLOT))),
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
    }

    /// Assigns the value on the stack to `name`, leaving it on the stack.
    fn assign_name(&mut self, name: &str, span: Span) {
        if let Some(&l) = self.locals.get(name) {
            self.emit(I::LocalTee(l));
        } else if self.scope.outer_locals.contains(name) {
            self.m.not_yet(span, &format!("assigning `{name}` of an enclosing function (a closure)"));
        } else if let Some(&g) = self.m.global_vars.get(name) {
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

    // ---- expressions: each leaves one value on the stack ----

    fn expr(&mut self, e: &Expression<'_>) {
        match e {
            Expression::NumericLiteral(n) => self.emit(I::I64Const(value::number(n.value))),
            Expression::StringLiteral(s) => self.string(s.value.as_str()),
            Expression::BooleanLiteral(b) => self.emit(I::I64Const(value::boolean(b.value))),
            Expression::NullLiteral(_) => self.emit(I::I64Const(NULL)),
            Expression::Identifier(id) => self.read_name(id.name.as_str(), id.span),
            Expression::ParenthesizedExpression(p) => self.expr(&p.expression),
            Expression::ThisExpression(_) => {
                if self.kind == FnKind::Function {
                    self.emit(I::LocalGet(0));
                } else {
                    self.emit(I::I64Const(UNDEFINED));
                }
            }
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
            Expression::ArrayExpression(a) => {
                self.emit(I::I64Const(0));
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
            Expression::ObjectExpression(o) => {
                self.emit(I::I64Const(0));
                self.op1(op::NEW_OBJECT);
                for p in &o.properties {
                    let ObjectPropertyKind::ObjectProperty(p) = p else {
                        self.m.outside(p.span(), "spread `...` in an object literal");
                        continue;
                    };
                    if p.kind != PropertyKind::Init || p.method || p.computed {
                        self.m.not_yet(p.span, "a getter, setter, method or computed key in an object literal");
                        continue;
                    }
                    match &p.key {
                        PropertyKey::StaticIdentifier(id) => self.string(id.name.as_str()),
                        PropertyKey::StringLiteral(s) => self.string(s.value.as_str()),
                        PropertyKey::NumericLiteral(n) => self.emit(I::I64Const(value::number(n.value))),
                        other => {
                            self.m.not_yet(other.span(), "this kind of property key");
                            continue;
                        }
                    }
                    self.expr(&p.value);
                    self.op3(op::PUT);
                }
            }
            Expression::StaticMemberExpression(m) => {
                self.expr(&m.object);
                self.string(m.property.name.as_str());
                self.op2(op::GET);
            }
            Expression::ComputedMemberExpression(m) => {
                self.expr(&m.object);
                self.expr(&m.expression);
                self.op2(op::GET);
            }
            Expression::CallExpression(c) => self.call(c),
            Expression::BinaryExpression(b) => self.binary(b),
            Expression::LogicalExpression(l) => {
                let t = self.new_local();
                self.expr(&l.left);
                self.emit(I::LocalTee(t));
                self.truthy();
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
                self.expr(&c.test);
                self.truthy();
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
                self.not_yet_value(f.span, "a function expression");
            }
            Expression::ArrowFunctionExpression(f) => {
                self.not_yet_value(f.span, "an arrow function");
            }
            Expression::NewExpression(n) => {
                let ctor = match &n.callee {
                    Expression::Identifier(id) if !self.locals.contains_key(id.name.as_str()) => {
                        crate::runtime::CONSTRUCTORS.iter().position(|c| *c == id.name.as_str())
                    }
                    _ => None,
                };
                match ctor {
                    Some(c) => {
                        self.emit(I::I64Const(c as i64));
                        self.args(&n.arguments);
                        self.op2(op::NEW);
                    }
                    None => {
                        self.not_yet_value(n.span, "`new` with this constructor");
                    }
                }
            }
            Expression::RegExpLiteral(r) => {
                self.not_yet_value(r.span, "a regular expression literal");
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
    fn args(&mut self, args: &[Argument<'_>]) {
        self.emit(I::I64Const(0));
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

    fn call(&mut self, c: &CallExpression<'_>) {
        match &c.callee {
            Expression::Identifier(id) => {
                let name = id.name.as_str();
                let direct = (!self.locals.contains_key(name) && !self.m.global_vars.contains_key(name))
                    .then(|| self.scope.functions.get(name).or_else(|| self.m.global_funcs.get(name)).copied())
                    .flatten();
                if let Some(index) = direct {
                    self.emit(I::I64Const(UNDEFINED));
                    self.args(&c.arguments);
                    self.emit(I::Call(index));
                    self.check();
                } else if let (Some(b), false) =
                    (BUILTINS.iter().position(|b| *b == name), self.locals.contains_key(name))
                {
                    self.emit(I::I64Const(b as i64));
                    self.args(&c.arguments);
                    self.op2(op::CALL_BUILTIN);
                } else {
                    self.not_yet_value(c.span, &format!("calling `{name}`, which is not a declared function"));
                }
            }
            Expression::StaticMemberExpression(m) => {
                self.expr(&m.object);
                self.string(m.property.name.as_str());
                self.args(&c.arguments);
                self.op3(op::CALL_METHOD);
            }
            Expression::ComputedMemberExpression(m) => {
                self.expr(&m.object);
                self.expr(&m.expression);
                self.args(&c.arguments);
                self.op3(op::CALL_METHOD);
            }
            other => {
                self.not_yet_value(other.span(), "calling the result of an expression");
            }
        }
    }

    fn binary(&mut self, b: &BinaryExpression<'_>) {
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
            BinaryOperator::Instanceof => {
                self.m.not_yet(b.span, "`instanceof`");
                (None, op::SEQ, false)
            }
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
                self.expr(&u.argument);
                self.truthy();
                self.emit(I::I32Eqz);
                self.emit(I::I64ExtendI32U);
                self.emit(I::I64Const(FALSE));
                self.emit(I::I64Or);
            }
            UnaryOperator::UnaryNegation => {
                self.expr(&u.argument);
                self.op1(op::NEG);
            }
            UnaryOperator::UnaryPlus => {
                self.expr(&u.argument);
                self.op1(op::TO_NUMBER);
            }
            UnaryOperator::BitwiseNot => {
                self.expr(&u.argument);
                self.op1(op::BITNOT);
            }
            UnaryOperator::Typeof => {
                // `typeof undeclared` is "undefined", not a ReferenceError.
                if let Expression::Identifier(id) = &u.argument {
                    let name = id.name.as_str();
                    let known = self.locals.contains_key(name)
                        || self.m.global_vars.contains_key(name)
                        || matches!(name, "undefined" | "NaN" | "Infinity" | "botContext")
                        || BUILTINS.contains(&name);
                    if !known {
                        if self.scope.functions.contains_key(name) || self.m.global_funcs.contains_key(name) {
                            self.string("function");
                        } else {
                            self.string("undefined");
                            self.m.not_yet(id.span, "`typeof` of a name that is not declared");
                        }
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
            UnaryOperator::Delete => {
                self.m.not_yet(u.span, "`delete`");
                self.emit(I::I64Const(TRUE));
            }
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
                }
                self.expr(&a.right);
                combine(self);
                self.assign_name(id.name.as_str(), id.span);
            }
            AssignmentTarget::StaticMemberExpression(_) | AssignmentTarget::ComputedMemberExpression(_) => {
                let (obj, key) = (self.new_local(), self.new_local());
                match &a.left {
                    AssignmentTarget::StaticMemberExpression(m) => {
                        self.expr(&m.object);
                        self.emit(I::LocalSet(obj));
                        self.string(m.property.name.as_str());
                    }
                    AssignmentTarget::ComputedMemberExpression(m) => {
                        self.expr(&m.object);
                        self.emit(I::LocalSet(obj));
                        self.expr(&m.expression);
                    }
                    _ => unreachable!("matched above"),
                }
                self.emit(I::LocalSet(key));
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
            other => {
                self.m.not_yet(other.span(), "this assignment target");
                self.expr(&a.right);
            }
        }
    }

    fn update(&mut self, u: &UpdateExpression<'_>) {
        let one = value::number(1.0);
        let step = if u.operator == UpdateOperator::Increment { F_ADD } else { F_SUB };
        match &u.argument {
            SimpleAssignmentTarget::AssignmentTargetIdentifier(id) => {
                let old = self.new_local();
                self.read_name(id.name.as_str(), id.span);
                self.op1(op::TO_NUMBER);
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
            other => {
                self.not_yet_value(other.span(), "`++`/`--` on a property");
            }
        }
    }
}
