//! Scope analysis: which variables each function declares, which of them
//! nested functions capture, and which functions need their enclosing
//! environment.
//!
//! A variable lives in a wasm local unless a nested function refers to it;
//! then it lives in a slot of its function's environment, a host object the
//! function creates on entry and its closures keep (DESIGN §4: values that
//! outlive a call live on the host heap).
//!
//! Block scope: a `let`/`const` (or `catch` parameter) declared in a block
//! is renamed to a variable of its own (`name#offset`) and every reference
//! that resolves to it is recorded in [`Analysis::renames`], so code
//! generation sees one flat namespace per function. One binding serves all
//! iterations of a loop; where that would differ from ES2015 (a closure
//! capturing a `let` declared in a loop, which gets one binding per
//! iteration) cbot reports S020 rather than miscompile. Reading a `let`
//! before its declaration gives `undefined` (no temporal dead zone).

#![expect(
    clippy::indexing_slicing,
    clippy::expect_used,
    reason = "the analysis pushes a frame and its block list together on entering a function and pops both on \
              leaving it, so `stack`, `blocks` and `frames` agree at every depth; resolution only walks depths below \
              the current one"
)]

use oxc_ast::ast::*;
use oxc_ast_visit::{Visit, walk};
use oxc_span::Span;
use oxc_syntax::scope::ScopeFlags;
use std::collections::{HashMap, HashSet};

/// What kind of code a frame is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FrameKind {
    /// A function declaration or expression: has its own `this` and `arguments`.
    Function,
    /// An arrow function: `this` and `arguments` come from outside.
    Arrow,
    /// A code panel's top level.
    Panel,
}

/// One function's variables.
#[derive(Debug)]
pub(crate) struct Frame {
    pub kind: FrameKind,
    /// Every name declared in the function (parameters, variables, nested
    /// function declarations, the name of a named function expression, and
    /// the implicit `this`/`arguments`).
    declared: HashSet<String>,
    /// Declared names that nested functions refer to, in first-capture
    /// order: environment slot `i + 1` (slot 0 links to the parent).
    pub captured: Vec<String>,
    /// Declared names some code assigns to.
    pub assigned: HashSet<String>,
    /// Whether this function (or one nested in it) refers to a variable of
    /// an enclosing function, so it needs its closure's environment.
    pub needs_outer: bool,
    /// `let`/`const` declared inside a loop (see the module comment).
    loop_lets: Vec<(String, Span)>,
    /// Whether code refers to this function's own `arguments` (itself or
    /// an arrow function inside it): such a function keeps the arguments
    /// array, the rest take their parameters as wasm parameters
    /// (compile.rs `direct_arity`).
    pub uses_arguments: bool,
}

impl Frame {
    pub fn declared(&self) -> &HashSet<String> {
        &self.declared
    }

    pub fn declares(&self, name: &str) -> bool {
        self.declared.contains(name)
    }
}

/// The result for all scripts of a bot.
#[derive(Debug, Default)]
pub(crate) struct Analysis {
    /// Keyed by the address of the `Function`, `ArrowFunctionExpression` or
    /// (for panels) `Program` node.
    pub frames: HashMap<usize, Frame>,
    /// Global names something assigns to.
    pub global_assigned: HashSet<String>,
    /// How many places assign each global name (a `var` initializer
    /// counts): a global written once, by `var f = function …` at the
    /// globals script's top level, is called directly from panels.
    pub global_writes: HashMap<String, u32>,
    /// Global names used other than as the callee of a call.
    pub global_values: HashSet<String>,
    /// Problems found (S020), with the index of their script.
    pub diags: Vec<(usize, Span, String)>,
    /// Identifiers (script, offset) that name a block-scoped variable → its
    /// function-level name.
    pub renames: HashMap<(usize, u32), String>,
}

pub(crate) fn key<T>(node: &T) -> usize {
    node as *const T as usize
}

impl Analysis {
    /// Adds one script. `panel` is true for code panels (their top level is
    /// a function body); the globals script's top level is global scope.
    pub fn add(&mut self, script: usize, program: &Program<'_>, panel: bool) {
        let mut v = Visitor { a: self, script, stack: Vec::new(), loops: Vec::new(), blocks: Vec::new() };
        if panel {
            v.enter(key(program), FrameKind::Panel, &[], &program.body, None);
            for stmt in &program.body {
                v.visit_statement(stmt);
            }
            v.leave();
        } else {
            for stmt in &program.body {
                v.visit_statement(stmt);
            }
        }
        let mut found = Vec::new();
        for frame in self.frames.values() {
            for (name, span) in &frame.loop_lets {
                if frame.captured.contains(name) {
                    found.push((
                        script,
                        *span,
                        // The name as written (block-scoped names are
                        // renamed `name#offset` apart).
                        format!(
                            "a closure capturing `{}`, a `let`/`const` declared in a loop",
                            name.split('#').next().unwrap_or(name)
                        ),
                    ));
                }
            }
        }
        found.sort_by_key(|d| d.1.start);
        found.dedup();
        self.diags.extend(found);
    }
}

struct Visitor<'x> {
    a: &'x mut Analysis,
    script: usize,
    stack: Vec<usize>,
    /// Loop nesting depth per frame on the stack.
    loops: Vec<u32>,
    /// Per frame on the stack, its open block scopes: name → renamed.
    blocks: Vec<Vec<HashMap<String, String>>>,
}

impl Visitor<'_> {
    fn enter(&mut self, k: usize, kind: FrameKind, params: &[&str], body: &[Statement<'_>], own_name: Option<&str>) {
        let mut declared: HashSet<String> = params.iter().map(|p| p.to_string()).collect();
        hoisted_vars(body, false, &mut |n| {
            declared.insert(n.to_string());
        });
        for stmt in body {
            walk_statement(stmt, &mut |s| {
                if let Statement::FunctionDeclaration(f) = s
                    && let Some(id) = &f.id
                {
                    declared.insert(id.name.to_string());
                }
            });
        }
        if let Some(n) = own_name {
            declared.insert(n.to_string());
        }
        match kind {
            FrameKind::Function => {
                declared.insert("this".into());
                declared.insert("arguments".into());
            }
            FrameKind::Panel => {
                declared.insert("this".into());
            }
            FrameKind::Arrow => {}
        }
        self.a.frames.insert(
            k,
            Frame {
                kind,
                declared,
                captured: Vec::new(),
                assigned: HashSet::new(),
                needs_outer: false,
                loop_lets: Vec::new(),
                uses_arguments: false,
            },
        );
        self.stack.push(k);
        self.loops.push(0);
        self.blocks.push(Vec::new());
    }

    fn leave(&mut self) {
        self.stack.pop();
        self.loops.pop();
        self.blocks.pop();
    }

    /// Runs `f` inside a block scope declaring `decls` (nothing to do at
    /// the globals script's top level, whose names are all global).
    fn block(&mut self, decls: Vec<(&str, Span)>, f: impl FnOnce(&mut Self)) {
        if decls.is_empty() || self.stack.is_empty() {
            return f(self);
        }
        let mut scope = HashMap::new();
        let frame = self.a.frames.get_mut(self.stack.last().expect("checked")).expect("frames on the stack exist");
        for (name, span) in decls {
            let renamed = format!("{name}#{}", span.start);
            frame.declared.insert(renamed.clone());
            self.a.renames.insert((self.script, span.start), renamed.clone());
            scope.insert(name.to_string(), renamed);
        }
        self.blocks.last_mut().expect("a frame").push(scope);
        f(self);
        self.blocks.last_mut().expect("a frame").pop();
    }

    /// Resolves a use of `name`: `write` for assignments, `call` when it is
    /// the callee of a call.
    fn resolve(&mut self, name: &str, span: Option<Span>, write: bool, call: bool) {
        let innermost = self.stack.len();
        for depth in (0..innermost).rev() {
            let block = self.blocks[depth].iter().rev().find_map(|b| b.get(name)).cloned();
            if let (Some(renamed), Some(span)) = (&block, span) {
                self.a.renames.insert((self.script, span.start), renamed.clone());
            }
            let name = block.as_deref().unwrap_or(name);
            let frame = self.a.frames.get_mut(&self.stack[depth]).expect("frames on the stack exist");
            if !frame.declares(name) {
                continue;
            }
            if write {
                frame.assigned.insert(name.to_string());
            }
            if name == "arguments" {
                frame.uses_arguments = true;
            }
            if depth + 1 != innermost {
                if !frame.captured.iter().any(|c| c == name) {
                    frame.captured.push(name.to_string());
                }
                for k in &self.stack[depth + 1..] {
                    self.a.frames.get_mut(k).expect("frames on the stack exist").needs_outer = true;
                }
            }
            return;
        }
        if write {
            self.a.global_assigned.insert(name.to_string());
            *self.a.global_writes.entry(name.to_string()).or_default() += 1;
        }
        if !call {
            self.a.global_values.insert(name.to_string());
        }
    }

    fn function_like(
        &mut self,
        k: usize,
        kind: FrameKind,
        params: &FormalParameters<'_>,
        body: &[Statement<'_>],
        expr: Option<&Expression<'_>>,
        own: Option<&str>,
    ) {
        // A destructuring parameter (or rest parameter) is a hidden one
        // (`pattern_param`) and the names its pattern binds.
        let hidden: Vec<String> = (0..=params.items.len()).map(pattern_param).collect();
        let mut names: Vec<&str> = Vec::new();
        let mut bound = Vec::new();
        for (p, hidden) in params.items.iter().zip(&hidden) {
            match &p.pattern {
                BindingPattern::BindingIdentifier(id) => names.push(id.name.as_str()),
                other => {
                    names.push(hidden);
                    pattern_names(other, &mut bound);
                }
            }
        }
        if let Some(rest) = &params.rest {
            if !matches!(rest.rest.argument, BindingPattern::BindingIdentifier(_))
                && let Some(hidden) = hidden.last()
            {
                names.push(hidden);
            }
            pattern_names(&rest.rest.argument, &mut bound);
        }
        names.extend(bound.iter().map(|b| b.0));
        self.enter(k, kind, &names, body, own);
        // Defaults inside patterns run in the function's scope too.
        for p in &params.items {
            if !matches!(p.pattern, BindingPattern::BindingIdentifier(_)) {
                self.visit_binding_pattern(&p.pattern);
            }
        }
        if let Some(rest) = &params.rest {
            self.visit_binding_pattern(&rest.rest.argument);
        }
        // Default values run in the function's scope (they may read the
        // parameters before them, or make closures).
        for p in &params.items {
            if let Some(init) = &p.initializer {
                self.visit_expression(init);
            }
        }
        for stmt in body {
            self.visit_statement(stmt);
        }
        if let Some(e) = expr {
            self.visit_expression(e);
        }
        self.leave();
    }

    fn in_loop(&mut self, f: impl FnOnce(&mut Self)) {
        if let Some(l) = self.loops.last_mut() {
            *l += 1;
        }
        f(self);
        if let Some(l) = self.loops.last_mut() {
            *l -= 1;
        }
    }
}

impl<'a> Visit<'a> for Visitor<'_> {
    fn visit_function(&mut self, it: &Function<'a>, _flags: ScopeFlags) {
        // A declaration's name belongs to the enclosing scope; an
        // expression's name is visible only inside it.
        let own = (it.r#type == FunctionType::FunctionExpression).then(|| it.id.as_ref().map(|id| id.name.as_str()));
        if let Some(body) = &it.body {
            self.function_like(key(it), FrameKind::Function, &it.params, &body.statements, None, own.flatten());
        }
    }

    fn visit_arrow_function_expression(&mut self, it: &ArrowFunctionExpression<'a>) {
        match &it.body {
            ArrowFunctionBody::FunctionBody(b) => {
                self.function_like(key(it), FrameKind::Arrow, &it.params, &b.statements, None, None)
            }
            other => self.function_like(key(it), FrameKind::Arrow, &it.params, &[], other.as_expression(), None),
        }
    }

    fn visit_identifier_reference(&mut self, it: &IdentifierReference<'a>) {
        self.resolve(it.name.as_str(), Some(it.span), false, false);
    }

    fn visit_this_expression(&mut self, _it: &ThisExpression) {
        self.resolve("this", None, false, false);
    }

    fn visit_call_expression(&mut self, it: &CallExpression<'a>) {
        if let Expression::Identifier(id) = &it.callee {
            self.resolve(id.name.as_str(), Some(id.span), false, true);
            for arg in &it.arguments {
                self.visit_argument(arg);
            }
        } else {
            walk::walk_call_expression(self, it);
        }
    }

    fn visit_simple_assignment_target(&mut self, it: &SimpleAssignmentTarget<'a>) {
        if let SimpleAssignmentTarget::AssignmentTargetIdentifier(id) = it {
            self.resolve(id.name.as_str(), Some(id.span), true, false);
        } else {
            walk::walk_simple_assignment_target(self, it);
        }
    }

    /// `({a} = o)` assigns `a` (the walk would see a read).
    fn visit_assignment_target_property_identifier(&mut self, it: &AssignmentTargetPropertyIdentifier<'a>) {
        self.resolve(it.binding.name.as_str(), Some(it.binding.span), true, false);
        if let Some(init) = &it.init {
            self.visit_expression(init);
        }
    }

    fn visit_variable_declaration(&mut self, it: &VariableDeclaration<'a>) {
        if it.kind != VariableDeclarationKind::Var
            && self.loops.last().is_some_and(|&l| l > 0)
            && let Some(frame) = self.stack.last().and_then(|k| self.a.frames.get_mut(k))
        {
            for (name, span) in lexical_names(it) {
                let renamed = self.a.renames.get(&(self.script, span.start)).cloned();
                frame.loop_lets.push((renamed.unwrap_or_else(|| name.to_string()), span));
            }
        }
        for d in &it.declarations {
            if d.init.is_some() {
                let mut names = Vec::new();
                pattern_names(&d.id, &mut names);
                for (name, span) in names {
                    self.resolve(name, Some(span), true, false);
                }
            }
        }
        walk::walk_variable_declaration(self, it);
    }

    fn visit_for_statement(&mut self, it: &ForStatement<'a>) {
        let decls = match &it.init {
            Some(ForStatementInit::VariableDeclaration(d)) => lexical_names(d),
            _ => Vec::new(),
        };
        self.block(decls, |v| v.in_loop(|v| walk::walk_for_statement(v, it)));
    }

    fn visit_for_in_statement(&mut self, it: &ForInStatement<'a>) {
        let decls = match &it.left {
            ForStatementLeft::VariableDeclaration(d) => lexical_names(d),
            _ => Vec::new(),
        };
        self.block(decls, |v| v.in_loop(|v| walk::walk_for_in_statement(v, it)));
    }

    fn visit_block_statement(&mut self, it: &BlockStatement<'a>) {
        self.block(lexical(&it.body), |v| walk::walk_block_statement(v, it));
    }

    fn visit_switch_statement(&mut self, it: &SwitchStatement<'a>) {
        let decls = it.cases.iter().flat_map(|c| lexical(&c.consequent)).collect();
        self.block(decls, |v| walk::walk_switch_statement(v, it));
    }

    fn visit_catch_clause(&mut self, it: &CatchClause<'a>) {
        let mut decls = Vec::new();
        if let Some(p) = &it.param {
            pattern_names(&p.pattern, &mut decls);
        }
        self.block(decls, |v| walk::walk_catch_clause(v, it));
    }

    fn visit_while_statement(&mut self, it: &WhileStatement<'a>) {
        self.in_loop(|v| walk::walk_while_statement(v, it));
    }

    fn visit_do_while_statement(&mut self, it: &DoWhileStatement<'a>) {
        self.in_loop(|v| walk::walk_do_while_statement(v, it));
    }
}

/// Calls `f` on `stmt` and every statement nested in it, without entering
/// function bodies.
pub(crate) fn walk_statement<'x>(stmt: &'x Statement<'x>, f: &mut dyn FnMut(&'x Statement<'x>)) {
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

/// The `let`/`const` names a declaration introduces.
fn lexical_names<'x>(d: &'x VariableDeclaration<'x>) -> Vec<(&'x str, Span)> {
    if d.kind == VariableDeclarationKind::Var {
        return Vec::new();
    }
    let mut names = Vec::new();
    for v in &d.declarations {
        pattern_names(&v.id, &mut names);
    }
    names
}

/// The hidden name of parameter `i` when it is a destructuring pattern:
/// the argument is stored there, then taken apart (not a valid identifier,
/// so no script name can clash with it).
pub(crate) fn pattern_param(i: usize) -> String {
    format!("#param{i}")
}

/// Every name a binding pattern binds (`var {a, b: [c = 1]} = …` binds a
/// and c), in source order.
pub(crate) fn pattern_names<'x>(p: &'x BindingPattern<'x>, out: &mut Vec<(&'x str, Span)>) {
    match p {
        BindingPattern::BindingIdentifier(id) => out.push((id.name.as_str(), id.span)),
        BindingPattern::AssignmentPattern(a) => pattern_names(&a.left, out),
        BindingPattern::ObjectPattern(o) => {
            for prop in &o.properties {
                pattern_names(&prop.value, out);
            }
            if let Some(rest) = &o.rest {
                pattern_names(&rest.argument, out);
            }
        }
        BindingPattern::ArrayPattern(a) => {
            for el in a.elements.iter().flatten() {
                pattern_names(el, out);
            }
            if let Some(rest) = &a.rest {
                pattern_names(&rest.argument, out);
            }
        }
    }
}

/// The `let`/`const` names declared directly in a statement list.
fn lexical<'x>(stmts: &'x [Statement<'x>]) -> Vec<(&'x str, Span)> {
    stmts
        .iter()
        .flat_map(|s| match s {
            Statement::VariableDeclaration(d) => lexical_names(d),
            _ => Vec::new(),
        })
        .collect()
}

/// Names declared in these statements at function level: `var` anywhere
/// (nested functions excluded) and `let`/`const` at the top. With
/// `nested_lexical`, also block-level `let`/`const` and `catch` parameters
/// (the globals script's top level, where every name is global).
pub(crate) fn hoisted_vars<'x>(stmts: &'x [Statement<'x>], nested_lexical: bool, add: &mut dyn FnMut(&'x str)) {
    fn decl<'x>(d: &'x VariableDeclaration<'x>, add: &mut dyn FnMut(&'x str)) {
        for v in &d.declarations {
            let mut names = Vec::new();
            pattern_names(&v.id, &mut names);
            for (name, _) in names {
                add(name);
            }
        }
    }
    for (name, _) in lexical(stmts) {
        add(name);
    }
    let var_decl = |d: &'x VariableDeclaration<'x>, add: &mut dyn FnMut(&'x str)| {
        if d.kind == VariableDeclarationKind::Var || nested_lexical {
            decl(d, add);
        }
    };
    for stmt in stmts {
        walk_statement(stmt, &mut |s| match s {
            Statement::VariableDeclaration(d) => var_decl(d, add),
            Statement::ForStatement(f) => {
                if let Some(ForStatementInit::VariableDeclaration(d)) = &f.init {
                    var_decl(d, add);
                }
            }
            Statement::ForInStatement(f) => {
                if let ForStatementLeft::VariableDeclaration(d) = &f.left {
                    var_decl(d, add);
                }
            }
            Statement::TryStatement(t) if nested_lexical => {
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
