// The TextMate grammar against every Soma script in the repository: no character left without
// a scope of its own (or marked invalid), and keywords, declarations, derivatives, strings and
// comments scoped as an editor theme expects.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const root = path.resolve(__dirname, '..', '..', '..');

async function loadGrammar() {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new vsctm.Registry({
        onigLib: Promise.resolve({
            createOnigScanner: patterns => new oniguruma.OnigScanner(patterns),
            createOnigString: s => new oniguruma.OnigString(s),
        }),
        loadGrammar: async () => vsctm.parseRawGrammar(
            fs.readFileSync(path.join(__dirname, '..', 'syntaxes', 'soma.tmLanguage.json'), 'utf8'), 'soma.tmLanguage.json'),
    });
    return registry.loadGrammar('source.soma');
}

/** Every token of a text: {line, text, scopes}. */
function tokenize(grammar, text) {
    const tokens = [];
    let state = vsctm.INITIAL;
    text.split(/\r?\n/).forEach((line, i) => {
        const result = grammar.tokenizeLine(line, state);
        for (const t of result.tokens) {
            tokens.push({ line: i + 1, text: line.substring(t.startIndex, t.endIndex), scopes: t.scopes });
        }
        state = result.ruleStack;
    });
    return tokens;
}

function somaFiles(dir) {
    const out = [];
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, entry.name);
        if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== 'target' && !entry.name.startsWith('.')) out.push(...somaFiles(p));
        else if (entry.isFile() && entry.name.endsWith('.soma')) out.push(p);
    }
    return out;
}

const scripts = [...somaFiles(path.join(root, 'examples')), ...somaFiles(path.join(root, 'stdlib'))];

test('every example and library script is fully tokenized', async () => {
    const grammar = await loadGrammar();
    assert.ok(scripts.length >= 10, `found only ${scripts.length} scripts`);
    for (const file of scripts) {
        for (const t of tokenize(grammar, fs.readFileSync(file, 'utf8'))) {
            const where = `${path.relative(root, file)}:${t.line}: '${t.text}' ${t.scopes.join(' ')}`;
            if (t.text.trim() !== '') assert.ok(t.scopes.length > 1, `no scope for ${where}`);
            assert.ok(!t.scopes.some(s => s.startsWith('invalid')), `invalid token ${where}`);
        }
    }
});

/** The innermost scopes of the first token whose text is `text` (on a line containing `onLine`). */
function scopesOf(tokens, text, onLine) {
    const t = tokens.find(t => t.text === text && (!onLine || tokens.some(u => u.line === t.line && u.text.includes(onLine))));
    assert.ok(t, `no token '${text}'`);
    return t.scopes;
}

test('keywords, declarations, derivatives, strings and comments', async () => {
    const grammar = await loadGrammar();
    const tokens = tokenize(grammar, fs.readFileSync(path.join(root, 'examples', 'fhn.soma'), 'utf8'));
    assert.ok(scopesOf(tokens, 'ode').includes('storage.type.declaration.soma'));
    assert.ok(scopesOf(tokens, 'FitzHughNagumo').includes('entity.name.type.soma'));
    assert.ok(scopesOf(tokens, 'state').includes('keyword.other.declaration.soma'));
    const derivative = tokens.filter(t => t.scopes.includes('meta.derivative.soma')).map(t => t.text).join('');
    assert.strictEqual(derivative.substring(0, 5), 'dv/dt');
    assert.ok(scopesOf(tokens, 'dt').includes('keyword.operator.derivative.soma'));
    assert.ok(scopesOf(tokens, 'for').includes('keyword.control.soma'));
    assert.ok(scopesOf(tokens, 'let').includes('storage.type.soma'));
    assert.ok(scopesOf(tokens, 'simulate').includes('entity.name.function.call.soma'));
    assert.ok(scopesOf(tokens, '0.05').includes('constant.numeric.soma'));
    assert.ok(tokens[0].scopes.includes('comment.line.number-sign.soma'));
    // "I = {I}: ..." : the braces open an interpolation whose inside is code again
    const interpolated = tokens.filter(t => t.scopes.includes('meta.interpolation.soma') && t.text === 'I');
    assert.ok(interpolated.length > 0 && interpolated[0].scopes.includes('variable.other.soma'));
});

test('a small script of every construct', async () => {
    const grammar = await loadGrammar();
    const code = [
        'network Rnn(n = 3) {',
        '    input u[n] = 0',
        '    repeat i in 0..n { dx/dt = -x }',
        '}',
        'fn square(x) = x ^ 2   # a comment',
        'let s = "escaped \\{ and {square(2)} and {{a: 1}.a}"',
        'if not done and s != nil { print(s) } else { break }',
    ].join('\n');
    const tokens = tokenize(grammar, code);
    assert.ok(scopesOf(tokens, 'network').includes('storage.type.declaration.soma'));
    assert.ok(scopesOf(tokens, 'input').includes('keyword.other.declaration.soma'));
    assert.ok(scopesOf(tokens, 'repeat').includes('keyword.other.declaration.soma'));
    assert.ok(scopesOf(tokens, 'square').includes('entity.name.function.soma'));
    assert.ok(scopesOf(tokens, '\\{').includes('constant.character.escape.soma'));
    assert.ok(scopesOf(tokens, ' a comment').includes('comment.line.number-sign.soma'));
    assert.ok(scopesOf(tokens, 'not').includes('keyword.operator.logical.soma'));
    assert.ok(scopesOf(tokens, 'nil').includes('constant.language.soma'));
    // the record's closing brace stays inside the interpolation: the string goes on after it
    const last = tokens.filter(t => t.line === 6).pop();
    assert.ok(last.scopes.includes('punctuation.definition.string.end.soma'), JSON.stringify(last));
    for (const t of tokens) assert.ok(!t.scopes.some(s => s.startsWith('invalid')), JSON.stringify(t));
});
