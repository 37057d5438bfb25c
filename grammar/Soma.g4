// Soma: the one definition of the syntax.
//
// Statements end at a newline or ';'. Newlines inside (...) and [...] are not separators
// (the lexer drops them there), so long calls and lists may span lines; inside { ... }
// (blocks, records, declarations) newlines separate statements again.
grammar Soma;

@lexer::members {
    // Kinds of the currently open brackets: '(' '[' '{'. A newline is a token only when the
    // innermost open bracket is '{' or there is none. Their offsets let an error at the end of
    // input point at the bracket left open.
    private final java.util.ArrayDeque<Character> brackets = new java.util.ArrayDeque<>();
    private final java.util.ArrayDeque<Integer> openedAt = new java.util.ArrayDeque<>();
    private void open(char c) { brackets.push(c); openedAt.push(_tokenStartCharIndex); }
    private void close() { if (!brackets.isEmpty()) { brackets.pop(); openedAt.pop(); } }
    private boolean newlineIsSeparator() { return brackets.isEmpty() || brackets.peek() == '{'; }
    /** Offset of the innermost bracket still open where lexing stopped, or -1. */
    public int openBracket() { return openedAt.isEmpty() ? -1 : openedAt.peek(); }
}

program : sep? (statement (sep statement)*)? sep? EOF ;

// Entry point for the expressions inside string interpolation: "x = {x}".
standaloneExpression : expression EOF ;

sep : (NL | ';')+ ;

block : LBRACE sep? (statement (sep statement)*)? sep? RBRACE ;

statement
    : 'let' ID '=' NL* expression                                          # letStatement
    | 'fn' ID LPAREN parameters? RPAREN functionBody                             # functionStatement
    | 'return' expression?                                                 # returnStatement
    | 'break'                                                              # breakStatement
    | 'continue'                                                           # continueStatement
    | 'while' expression block                                             # whileStatement
    | 'for' ID (',' ID)? 'in' expression block                             # forStatement
    | 'import' ID                                                          # importStatement
    | declaration                                                          # declarationStatement
    | target=expression op=('=' | '+=' | '-=' | '*=' | '/=') NL* value=expression  # assignStatement
    | expression                                                           # expressionStatement
    ;

// The four first-class declarations of the design (network, ode, constraint, flow) share
// one shape: a name, parameters with defaults, and a body of statements.
declaration
    : kind=('network' | 'ode' | 'constraint' | 'flow') ID (LPAREN parameters? RPAREN)? declarationBody ;

declarationBody : LBRACE sep? (declarationItem (sep declarationItem)*)? sep? RBRACE ;

declarationItem
    : 'state' stateVar (',' stateVar)*                                     # stateItem
    | 'input' stateVar (',' stateVar)*                                     # inputItem
    | 'repeat' expression block                                            # repeatItem
    | 'support' expression                                                 # supportItem
    | 'symmetry' LPAREN ID (',' ID)* RPAREN '->' LPAREN expression (',' expression)* RPAREN  # symmetryItem
    | 'mixture' expression                                                 # mixtureItem
    | statement                                                            # plainItem
    ;

stateVar : ID (LBRACK expression RBRACK)? ('=' expression)? ;

functionBody
    : '=' NL* expression
    | block
    ;

parameters : parameter (',' parameter)* ;
parameter  : ID ('=' expression)? ;

expression
    : expression LPAREN arguments? RPAREN                                        # callExpr
    | expression LBRACK subscript (',' subscript)* RBRACK                        # indexExpr
    | expression '.' label                                                 # fieldExpr
    | <assoc=right> expression op='^' NL* expression                        # powerExpr
    | op=('-' | '+') expression                                            # unaryExpr
    | expression op=('*' | '/' | '%' | '@') NL* expression                 # mulExpr
    | expression op=('+' | '-') NL* expression                             # addExpr
    | expression op='..' expression                                        # rangeExpr
    | expression op=('<' | '<=' | '>' | '>=' | '==' | '!=') NL* expression # compareExpr
    | op=('not' | '!') expression                                          # notExpr
    | expression op=('and' | '&&') NL* expression                          # andExpr
    | expression op=('or' | '||') NL* expression                           # orExpr
    | 'if' expression block (NL* 'else' (ifElse=expression | elseBlock=block))?  # ifExpr
    | 'fn' LPAREN parameters? RPAREN functionBody                                # lambdaExpr
    | LPAREN expression RPAREN                                                   # parenExpr
    | LBRACK (expression (',' expression)* ','?)? RBRACK                         # listExpr
    | LBRACE NL* (field (',' NL* field)* ','?)? NL* RBRACE                       # recordExpr
    | NUMBER                                                               # numberExpr
    | STRING                                                               # stringExpr
    | ('true' | 'false')                                                   # boolExpr
    | 'nil'                                                                # nilExpr
    | ID                                                                   # nameExpr
    ;

field : label ':' NL* expression ;

arguments : argument (',' argument)* ','? ;
argument  : (label ':')? expression ;

// Field, option and record names may be words that are keywords elsewhere (epi(..., flow: q), r.flow).
label : ID | 'network' | 'ode' | 'constraint' | 'flow' | 'state' | 'input' | 'repeat' | 'support' | 'symmetry' | 'mixture' ;

subscript
    : lo=expression? ':' hi=expression? (':' step=expression?)?            # sliceSubscript
    | expression                                                           # indexSubscript
    ;

// ---- lexer ----
LPAREN   : '(' { open('('); } ;
RPAREN   : ')' { close(); } ;
LBRACK   : '[' { open('['); } ;
RBRACK   : ']' { close(); } ;
LBRACE   : '{' { open('{'); } ;
RBRACE   : '}' { close(); } ;

NUMBER   : DIGITS ('.' DIGITS)? EXPONENT?
         | '.' DIGITS EXPONENT?
         ;
fragment DIGITS   : [0-9] ('_'? [0-9])* ;
fragment EXPONENT : [eE] [+-]? [0-9]+ ;

// Digits with doubled or trailing underscores (1__0, 1_): longer than the NUMBER they start, so
// they lex as one token the parser reports as a malformed number.
BAD_NUMBER : [0-9] [0-9_]* ('.' [0-9_]+)? ;

STRING   : '"' ( '\\' . | ~["\\\r\n] )* '"' ;

ID       : [a-zA-Z_] [a-zA-Z_0-9]* ;

NL       : ('\r'? '\n' | '\r') { if (!newlineIsSeparator()) skip(); } ;
COMMENT  : '#' ~[\r\n]* -> skip ;
WS       : [ \t\f]+ -> skip ;
CONTINUE : '\\' [ \t]* ('\r'? '\n') -> skip ;   // explicit line continuation

UNKNOWN  : . ;   // reported by the parser as "unexpected character"
