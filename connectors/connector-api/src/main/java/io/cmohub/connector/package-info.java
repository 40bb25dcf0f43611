package io.cmohub.connector;
