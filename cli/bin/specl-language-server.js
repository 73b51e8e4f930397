#!/usr/bin/env node
import '../dist/bundle/language-server.mjs';
