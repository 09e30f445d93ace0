@echo off
rem fairkit: the FairKit command line. Runs lib\fairkit.jar of the installation this script belongs to.
rem   JAVA_HOME  the JDK/JRE to use (else java on the PATH); Java 17 or newer.
rem   JAVA_OPTS  extra JVM options, separated by blanks (e.g. set JAVA_OPTS=-Xmx4g).
setlocal
set "FAIRKIT_JAR=%~dp0..\lib\fairkit.jar"
if not exist "%FAIRKIT_JAR%" (
  echo fairkit: %FAIRKIT_JAR% not found ^(the installation is incomplete^) 1>&2
  exit /b 1
)
set "JAVACMD=java"
if defined JAVA_HOME set "JAVACMD=%JAVA_HOME%\bin\java.exe"
rem lib\fairkit.jar holds DuckDB's driver without its native libraries: lib\duckdb_jdbc-V.jar (any lib\*.jar) has them.
"%JAVACMD%" %JAVA_OPTS% -cp "%FAIRKIT_JAR%;%~dp0..\lib\*" org.fairkit.cli.Main %*
exit /b %ERRORLEVEL%
