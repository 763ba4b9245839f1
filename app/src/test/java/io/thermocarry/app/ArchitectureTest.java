package io.thermocarry.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house rules of CONVENTIONS.md, enforced on every build: dependencies point down the module list
 * only, {@code core} is JDK (+ Hipparchus) only, and only {@code store} touches SQL.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.thermocarry");
    }

    @Test
    void core_dependsOnNothingOfOurs_andOnlyOnTheJdkAndHipparchus() {
        noClasses().that().resideInAPackage("io.thermocarry.core..")
                .should().dependOnClassesThat().resideOutsideOfPackages("io.thermocarry.core..", "java..",
                        "org.hipparchus..")
                .check(classes);
    }

    @Test
    void onlyStore_touchesSqlOrDuckdb() {
        noClasses().that().resideOutsideOfPackage("io.thermocarry.store..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.duckdb..", "javax.sql..")
                .check(classes);
    }

    @Test
    void binance_andStore_doNotDependOnEachOtherOrOnUpperLayers() {
        noClasses().that().resideInAPackage("io.thermocarry.binance..")
                .should().dependOnClassesThat().resideInAnyPackage("io.thermocarry.store..", "io.thermocarry.app..",
                        "io.thermocarry.report..", "io.thermocarry.live..", "io.thermocarry.bench..")
                .check(classes);
        noClasses().that().resideInAPackage("io.thermocarry.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.thermocarry.binance..", "io.thermocarry.app..",
                        "io.thermocarry.report..", "io.thermocarry.live..", "io.thermocarry.bench..")
                .check(classes);
    }

    @Test
    void report_dependsOnCoreOnly() {
        noClasses().that().resideInAPackage("io.thermocarry.report..")
                .should().dependOnClassesThat().resideInAnyPackage("io.thermocarry.store..", "io.thermocarry.binance..",
                        "io.thermocarry.app..", "io.thermocarry.live..", "io.thermocarry.bench..")
                .check(classes);
        noClasses().that().resideInAPackage("io.thermocarry.core..")
                .should().dependOnClassesThat().resideInAPackage("io.thermocarry.report..")
                .check(classes);
    }

    @Test
    void live_dependsOnCoreBinanceAndStoreOnly_andNothingBelowAppDependsOnIt() {
        noClasses().that().resideInAPackage("io.thermocarry.live..")
                .should().dependOnClassesThat().resideInAnyPackage("io.thermocarry.app..", "io.thermocarry.report..",
                        "io.thermocarry.bench..", "io.thermocarry.testkit..")
                .check(classes);
        noClasses().that().resideInAnyPackage("io.thermocarry.core..", "io.thermocarry.binance..",
                "io.thermocarry.store..", "io.thermocarry.report..")
                .should().dependOnClassesThat().resideInAPackage("io.thermocarry.live..")
                .check(classes);
    }

    @Test
    void onlyApp_usesPicocli() {
        noClasses().that().resideOutsideOfPackage("io.thermocarry.app..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .check(classes);
    }

    @Test
    void corePackages_doNotReachUpward() {
        // market is the base of core; series may use market; physics uses market and series
        noClasses().that().resideInAPackage("io.thermocarry.core.market..")
                .should().dependOnClassesThat().resideInAnyPackage("io.thermocarry.core.series..",
                        "io.thermocarry.core.physics..", "io.thermocarry.core.signal..", "io.thermocarry.core.regime..",
                        "io.thermocarry.core.strategy..", "io.thermocarry.core.backtest..")
                .check(classes);
        // sweep sits on top of core: it drives signals, regimes and backtests, nothing below reaches up to it
        noClasses().that().resideInAnyPackage("io.thermocarry.core.market..", "io.thermocarry.core.series..",
                "io.thermocarry.core.physics..", "io.thermocarry.core.signal..", "io.thermocarry.core.regime..",
                "io.thermocarry.core.strategy..", "io.thermocarry.core.backtest..", "io.thermocarry.core.stats..")
                .should().dependOnClassesThat().resideInAPackage("io.thermocarry.core.sweep..")
                .check(classes);
        noClasses().that().resideInAPackage("io.thermocarry.core.series..")
                .should().dependOnClassesThat().resideInAnyPackage("io.thermocarry.core.physics..",
                        "io.thermocarry.core.signal..", "io.thermocarry.core.regime..", "io.thermocarry.core.strategy..",
                        "io.thermocarry.core.backtest..")
                .check(classes);
    }

    @Test
    void coreExecution_sitsOnTop_nothingElseInCoreDependsOnIt() {
        noClasses().that().resideInAnyPackage("io.thermocarry.core.market..", "io.thermocarry.core.series..",
                "io.thermocarry.core.physics..", "io.thermocarry.core.signal..", "io.thermocarry.core.regime..",
                "io.thermocarry.core.strategy..", "io.thermocarry.core.backtest..", "io.thermocarry.core.stats..")
                .should().dependOnClassesThat().resideInAPackage("io.thermocarry.core.execution..")
                .check(classes);
    }

    @Test
    void coreMargin_isAModelBelowTheEngine_onMarketOnly() {
        noClasses().that().resideInAPackage("io.thermocarry.core.margin..")
                .should().dependOnClassesThat().resideInAnyPackage("io.thermocarry.core.series..",
                        "io.thermocarry.core.physics..", "io.thermocarry.core.signal..", "io.thermocarry.core.regime..",
                        "io.thermocarry.core.strategy..", "io.thermocarry.core.backtest..",
                        "io.thermocarry.core.execution..", "io.thermocarry.core.evaluation..",
                        "io.thermocarry.core.stats..", "io.thermocarry.core.features..",
                        "io.thermocarry.core.portfolio..", "io.thermocarry.core.sweep..")
                .check(classes);
    }

    @Test
    void coreMarginrisk_sitsOnTop_nothingElseInCoreDependsOnIt() {
        noClasses().that().resideInAnyPackage("io.thermocarry.core.market..", "io.thermocarry.core.series..",
                "io.thermocarry.core.physics..", "io.thermocarry.core.signal..", "io.thermocarry.core.regime..",
                "io.thermocarry.core.strategy..", "io.thermocarry.core.backtest..", "io.thermocarry.core.stats..",
                "io.thermocarry.core.margin..", "io.thermocarry.core.evaluation..", "io.thermocarry.core.execution..")
                .should().dependOnClassesThat().resideInAPackage("io.thermocarry.core.marginrisk..")
                .check(classes);
    }

    @Test
    void corePackages_formNoCycle() {
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                .matching("io.thermocarry.core.(*)..").should().beFreeOfCycles().check(classes);
    }
}
